import { readHookCall } from './read-hook-call.js';
import type { SignCall } from './sigv4-hook.js';
import { isRequest, isResponse } from './utils/guards.js';

/** A hook of the user's, called the way ky would call it. @internal */
export type UnknownHook = (...args: unknown[]) => unknown;

/**
 * One hook that runs `hooks` in order, the way the calling ky would, and then signs whatever
 * request they produced, so signing is always the last step of the list.
 *
 * - `beforeRequest` (`retry` false): a `Request` returned by a hook replaces the request; in
 *   ky 1 it also ends the list, as ky 1 does, but the signing step still runs (in a plain hook
 *   list ky 1 would skip it and send the request unsigned). A `Response` is handed back to ky
 *   as it is (ky then sends nothing). On the first attempt, when no hook replaced it, the
 *   request is the one ky built from its options, so a string or bytes body is taken from
 *   ky's options instead of a clone.
 * - `beforeRetry` (`retry` true): the first returned `Request` replaces the request and ends
 *   the list; a `Response` or `ky.stop` (a symbol) is handed back to ky as it is. Then the
 *   retry gets a fresh signature.
 *
 * Any other value a hook returns is ignored, as ky ignores it.
 * @internal
 */
export function composeHooks(hooks: readonly UnknownHook[], signCall: SignCall, retry: boolean): UnknownHook {
  return async (...args: unknown[]) => {
    const call = readHookCall(args);
    let request = call.request;
    let replaced = false;
    for (const hook of hooks) {
      const result = await hook(...call.withRequest(request));
      if (isRequest(result)) {
        request = result;
        replaced = true;
        if (retry || call.positional) break;
      } else if (isResponse(result) || (retry && typeof result === 'symbol')) {
        return result;
      }
    }
    return signCall(call, request, !retry && !replaced && call.retryCount === 0);
  };
}
