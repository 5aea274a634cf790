import type { SigV4Error } from '@sigv4/core';

// Loaded with resend.js when `retry` is set; it imports nothing at run time, or browsers would load the shared chunk up front.

/**
 * When and how `createSignedFetch` sends a failed request again (`retry` option), with ky's
 * semantics: each attempt is signed afresh.
 *
 * @example
 * ```ts
 * const retry: RetryOptions = { limit: 3, statusCodes: [503], delay: (attempt) => 100 * 2 ** attempt };
 * ```
 * @public
 */
export interface RetryOptions {
  /** Attempts after the first. @default 2 */
  limit?: number | undefined;
  /** Methods sent again (upper or lower case); POST and PATCH are not idempotent. @default ['get', 'put', 'head', 'delete', 'options', 'trace'] */
  methods?: readonly string[] | undefined;
  /** Statuses sent again; a network error (fetch's `TypeError`, not one of a request fetch cannot build) is retried too. @default [408, 413, 429, 500, 502, 503, 504] */
  statusCodes?: readonly number[] | undefined;
  /** Statuses whose `Retry-After` header sets the wait (a 413 without one is not retried). @default [413, 429, 503] */
  afterStatusCodes?: readonly number[] | undefined;
  /** Longest wait a `Retry-After` may ask for, in milliseconds; longer ones wait this long. @default 60000 */
  maxRetryAfter?: number | undefined;
  /** Longest backoff wait in milliseconds. @default 30000 */
  backoffLimit?: number | undefined;
  /** Backoff before attempt `n` (1, 2, …) in milliseconds. @default (n) => 0.3 * 2 ** (n - 1) * 1000 */
  delay?: ((attemptCount: number) => number) | undefined;
  /** Full jitter: wait a random time from 0 to the backoff, so clients do not retry in step. @default true */
  jitter?: boolean | undefined;
}

/** {@link RetryOptions} with their defaults. @internal */
export type ResolvedRetryOptions = { [K in keyof RetryOptions]-?: Exclude<RetryOptions[K], undefined> };

/** Every retry option with its default (ky's, with finite waits). @internal */
export const RETRY_DEFAULTS: ResolvedRetryOptions = {
  limit: 2,
  methods: ['GET', 'PUT', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE'],
  statusCodes: [408, 413, 429, 500, 502, 503, 504],
  afterStatusCodes: [413, 429, 503],
  maxRetryAfter: 60_000,
  backoffLimit: 30_000,
  delay: (attemptCount) => 0.3 * 2 ** (attemptCount - 1) * 1000,
  jitter: true,
};

const isWait = (value: unknown): boolean => typeof value === 'number' && value >= 0 && Number.isFinite(value);

/**
 * Checks the `retry` option (`true` takes the defaults, a number is the limit) and fills in the defaults.
 * @param Failure - `SigV4Error`, thrown with `INVALID_OPTIONS` (passed in: this module imports nothing at run time)
 * @throws `SigV4Error` `INVALID_OPTIONS` for a wrong member
 * @internal
 */
export function normalizeRetry(retry: RetryOptions | number | true, Failure: typeof SigV4Error): ResolvedRetryOptions {
  const invalid = (message: string): never => {
    throw new Failure('INVALID_OPTIONS', `@sigv4/fetch: ${message}`);
  };
  const given: RetryOptions = retry === true ? {} : typeof retry === 'number' ? { limit: retry } : retry;
  const o = { ...RETRY_DEFAULTS, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
  if (!Number.isInteger(o.limit) || o.limit < 0) invalid('`retry.limit` must be a whole number >= 0.');
  if (!Array.isArray(o.methods) || o.methods.some((m) => typeof m !== 'string'))
    invalid('`retry.methods` must be an array of method names.');
  for (const key of ['statusCodes', 'afterStatusCodes'] as const) {
    if (!Array.isArray(o[key]) || o[key].some((s) => !Number.isInteger(s)))
      invalid(`\`retry.${key}\` must be an array of HTTP statuses.`);
  }
  if (!isWait(o.maxRetryAfter) || !isWait(o.backoffLimit))
    invalid('`retry.maxRetryAfter` and `retry.backoffLimit` must be finite milliseconds >= 0.');
  if (typeof o.delay !== 'function') invalid('`retry.delay` must be a function (attemptCount) => milliseconds.');
  if (typeof o.jitter !== 'boolean') invalid('`retry.jitter` must be true or false.');
  return { ...o, methods: o.methods.map((m) => m.toUpperCase()) };
}
