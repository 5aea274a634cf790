import { readHookCall } from './read-hook-call.js';
import { isRequest, isResponse } from './utils/guards.js';
import type { SigV4Hook } from './types.js';

/** A hook of the user's, called the way ky would call it. @internal */
export type UnknownHook = (...args: unknown[]) => unknown;

/**
 * One `beforeRequest` hook that runs `hooks` in order, the way the calling ky would, and then
 * signs whatever request they produced. A `Response` from a user hook is returned as it is
 * (ky then sends nothing). A `Request` from a user hook replaces the request; in ky 1 it also
 * ends the list, as ky 1 does, but the signing step still runs: in a plain hook list ky 1
 * would have skipped it and sent the request unsigned.
 *
 * @internal
 */
export function composeBeforeRequest(hooks: readonly UnknownHook[], sign: SigV4Hook): UnknownHook {
  if (hooks.length === 0) return sign;
  return async (...args: unknown[]) => {
    const call = readHookCall(args);
    let current = args;
    for (const hook of hooks) {
      const result = await hook(...current);
      if (isResponse(result)) return result;
      if (isRequest(result)) {
        current = call.withRequest(result);
        if (call.positional) break;
      }
    }
    return sign(...current);
  };
}

/**
 * One `beforeRetry` hook that runs `hooks` in order, the way ky does (the first returned
 * `Request` replaces the request and ends the list; `ky.stop` or a `Response` is passed back
 * to ky as it is), and then signs the request of the retry with a fresh signature.
 *
 * @internal
 */
export function composeBeforeRetry(hooks: readonly UnknownHook[], sign: SigV4Hook): UnknownHook {
  if (hooks.length === 0) return sign;
  return async (...args: unknown[]) => {
    const call = readHookCall(args);
    let current = args;
    for (const hook of hooks) {
      const result = await hook(...current);
      if (isRequest(result)) {
        current = call.withRequest(result);
        break;
      }
      if (result !== undefined) return result;
    }
    return sign(...current);
  };
}
