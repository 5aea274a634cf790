import { SigV4Error } from '@sigv4/core';
import { HOOK_PLACEMENT_HINT, PACKAGE_NAME } from './constants.js';
import { isObject, isRequest } from './utils/guards.js';

/**
 * One call of a ky hook, whatever convention ky used for it.
 * @internal
 */
export interface HookCall {
  /** The request ky handed to the hook. */
  readonly request: Request;
  /** ky's normalized options, when ky passed them (their `body` tells a stream from a buffer). */
  readonly kyOptions: Readonly<Record<string, unknown>> | undefined;
  /**
   * `true` for ky 1's `beforeRequest` call `(request, options, state)`: ky 1 stops running the
   * later hooks of the list as soon as one returns a `Request`.
   * `false` for a state object `({ request, options, ... })` (ky 2's `beforeRequest`,
   * `beforeRetry` of both), where ky 2 keeps running the later `beforeRequest` hooks.
   */
  readonly positional: boolean;
  /**
   * The `retryCount` ky passed (`0` for the first attempt), or `undefined` when it passed none
   * (ky 1 before 1.11 calls `beforeRequest` with two arguments only).
   */
  readonly retryCount: number | undefined;
  /** The same arguments with `request` replaced, to call the next hook of a list. */
  withRequest(request: Request): unknown[];
}

const readRetryCount = (state: unknown): number | undefined =>
  isObject(state) && typeof state.retryCount === 'number' ? state.retryCount : undefined;

/**
 * Reads the arguments ky passed to a hook. ky's version is told by their shape, never guessed:
 * ky 1 passes the `Request` first; ky 2 (and `beforeRetry` in ky 1) pass one state object.
 *
 * @throws {@link SigV4Error} `INVALID_OPTIONS` when neither shape carries a `Request`.
 * @internal
 */
export function readHookCall(args: readonly unknown[]): HookCall {
  const [first, second] = args;
  if (isRequest(first)) {
    return {
      request: first,
      kyOptions: isObject(second) ? second : undefined,
      positional: true,
      retryCount: readRetryCount(args[2]),
      withRequest: (request) => [request, ...args.slice(1)],
    };
  }
  if (isObject(first) && isRequest(first.request)) {
    const state = first;
    return {
      request: first.request,
      kyOptions: isObject(state.options) ? state.options : undefined,
      positional: false,
      retryCount: readRetryCount(state),
      withRequest: (request) => [{ ...state, request }, ...args.slice(1)],
    };
  }
  throw new SigV4Error(
    'INVALID_OPTIONS',
    `${PACKAGE_NAME}: the hook got no ky Request; ${HOOK_PLACEMENT_HINT}.`,
  );
}
