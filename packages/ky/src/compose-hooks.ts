import { readHookCall } from './read-hook-call.js';
import type { SignCall } from './sigv4-hook.js';
import { isRequest, isResponse } from './utils/guards.js';

/** A hook of the user's, called the way ky would call it. @internal */
export type UnknownHook = (...args: unknown[]) => unknown;

/**
 * One `beforeRequest` hook that runs `hooks` in order, the way the calling ky would, and then
 * signs whatever request they produced. A `Response` from a user hook is returned as it is
 * (ky then sends nothing). A `Request` from a user hook replaces the request; in ky 1 it also
 * ends the list, as ky 1 does, but the signing step still runs: in a plain hook list ky 1
 * would have skipped it and sent the request unsigned.
 *
 * On the first attempt, when no hook replaced it, the request is the one ky built from its
 * options, so a string or bytes body is taken from ky's options instead of a clone.
 * @internal
 */
export function composeBeforeRequest(hooks: readonly UnknownHook[], signCall: SignCall): UnknownHook {
  return async (...args: unknown[]) => {
    const call = readHookCall(args);
    let request = call.request;
    let replaced = false;
    for (const hook of hooks) {
      const result = await hook(...call.withRequest(request));
      if (isResponse(result)) return result;
      if (isRequest(result)) {
        request = result;
        replaced = true;
        if (call.positional) break;
      }
    }
    return signCall(call, request, !replaced && call.retryCount === 0);
  };
}

/**
 * One `beforeRetry` hook that runs `hooks` in order, the way ky does (the first returned
 * `Request` replaces the request and ends the list; `ky.stop` or a `Response` is passed back
 * to ky as it is), and then gives the request of the retry a fresh signature.
 * @internal
 */
export function composeBeforeRetry(hooks: readonly UnknownHook[], signCall: SignCall): UnknownHook {
  return async (...args: unknown[]) => {
    const call = readHookCall(args);
    let request = call.request;
    for (const hook of hooks) {
      const result = await hook(...call.withRequest(request));
      if (isRequest(result)) {
        request = result;
        break;
      }
      if (result !== undefined) return result;
    }
    return signCall(call, request, false);
  };
}
