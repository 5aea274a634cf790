/** What fetch was handed: its two arguments. @internal */
export type FetchArguments = [input: Request | string | URL, init: RequestInit];

/**
 * Each `TypeError` fetch rejected with, and what fetch was handed: a network error is one of these
 * (never an error of signing), for a request fetch could build (resend.ts tells).
 * @internal
 */
export const FETCH_FAILURES = new WeakMap<object, FetchArguments>();
