// Public API of @sigv4/fetch; the helpers behind it stay internal so they can change without a major release.
export { createSignedFetch } from './signed-fetch.js';
export type {
  FetchLike,
  SignedFetch,
  SignedFetchDependencies,
  SignedFetchOptions,
} from './types.js';
// Re-exported so that callers can catch and type errors without importing core themselves.
export { SigV4Error, isSigV4Error } from '@sigv4/core';
