import type { SignerOrOptions, SigV4AdapterOptions } from '@sigv4/core';
import type { RetryOptions } from './retry-options.js';

/**
 * Options of {@link createSignedFetch}: `createSigner`'s options or `{ signer }`, plus
 * `correctClockSkew` (default `true`), `signQuery` (default `false`) and `retry` (default: none).
 * @public
 */
export type SignedFetchOptions = SignerOrOptions &
  SigV4AdapterOptions & {
    /**
     * Send a failed request again, signed afresh: `true` for ky's defaults, a number for the limit, or {@link RetryOptions}.
     * @default undefined (sent once)
     */
    retry?: RetryOptions | number | boolean | undefined;
  };

/** The function that sends the signed `Request`: any WHATWG fetch, or a test double. @public */
export type FetchLike = (input: Request) => Promise<Response>;

/** What {@link createSignedFetch} sends through. @public */
export interface SignedFetchDependencies {
  /**
   * The fetch that sends the signed request.
   * @default `globalThis.fetch`, looked up at each call (so polyfills and test interceptors installed later apply)
   */
  fetch?: FetchLike | undefined;
}

/**
 * A drop-in replacement for the global `fetch`: same arguments, same `Response`, signed with SigV4.
 * @public
 */
export type SignedFetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
