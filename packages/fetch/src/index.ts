// Public API of @sigv4/fetch; the helpers behind it stay internal so they can change without a major release.

// Re-exported so that callers can catch and type errors without importing core themselves.
export { isSigV4Error, type PresignUrlOptions, presignUrl, SigV4Error } from '@sigv4/core';
export type { RetryOptions } from './retry-options.js';
export { createSignedFetch } from './signed-fetch.js';
export type {
  FetchLike,
  SignedFetch,
  SignedFetchDependencies,
  SignedFetchOptions,
} from './types.js';
