import { SigV4Error } from '@sigv4/core';

/** One call of a ky hook, whatever convention ky used for it. @internal */
export interface HookCall {
  readonly request: Request;
  readonly kyOptions: Readonly<Record<string, unknown>> | undefined;
  /** `undefined` from a ky 1 older than 1.11. */
  readonly retryCount: number | undefined;
}

/** Also a `Request` from another realm or a polyfill, as ky checks it. */
const isRequest = (value: unknown): value is Request =>
  value instanceof Request || Object.prototype.toString.call(value) === '[object Request]';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const readRetryCount = (state: unknown): number | undefined =>
  isObject(state) && typeof state.retryCount === 'number' ? state.retryCount : undefined;

/**
 * Reads the arguments ky passed to a hook: ky 1's `beforeRequest` passes `(request, options)`,
 * ky 2 (and `beforeRetry` of both) one state object `{ request, options, ... }`.
 *
 * @throws {@link SigV4Error} `INVALID_OPTIONS` when neither shape carries a `Request`.
 * @internal
 */
export function readHookCall(args: readonly unknown[]): HookCall {
  const [first, second, third] = args;
  if (isRequest(first)) {
    return { request: first, kyOptions: isObject(second) ? second : undefined, retryCount: readRetryCount(third) };
  }
  if (isObject(first) && isRequest(first.request)) {
    return {
      request: first.request,
      kyOptions: isObject(first.options) ? first.options : undefined,
      retryCount: readRetryCount(first),
    };
  }
  throw new SigV4Error('INVALID_OPTIONS', '@sigv4/ky: the hook got no ky Request; use withSigV4().');
}
