/**
 * `@sigv4/core`: AWS Signature Version 4 for any HTTP client.
 *
 * Public API only; the rest of `src/` is internal. Left out on purpose: smithy's `SignatureV4`
 * (wrapped, not re-exported) and the hash classes (picked by the `exports` conditions).
 */

export {
  normalizeAdapterOptions,
  type ResolvedAdapterOptions,
  type SigV4AdapterOptions,
} from './adapter/adapter-options.js';
// For the adapters: loads what they run only for `signQuery` or after a refused answer, so pages do not load it up front.
export { type AdapterKit, loadAdapterKit } from './adapter/load-adapter-kit.js';
export { type PresignUrlOptions, presignUrl } from './adapter/presign-url.js';
export { STALE_SIGNING_HEADERS } from './constants.js';
export type { AssumeRoleClientConfig, AssumeRoleOptions } from './credentials/from-assume-role.js';
export { isSigV4Error, SigV4Error, type SigV4ErrorCode } from './errors/sigv4-error.js';
// The browser build swaps ./platform/node.js for ./platform/browser.js, whose fromAssumeRole leaves STS out.
export { fromAssumeRole } from './platform/node.js';
export { type PresignedFetchRequest, presignFetchRequest } from './request/presign-fetch-request.js';
export {
  type SignedFetchRequest,
  type SignFetchRequestOptions,
  signFetchRequest,
} from './request/sign-fetch-request.js';
export { createSigner } from './signer/create-signer.js';
export { CLOCK_SKEW_STATUSES, isClockSkewError, readClockSkew } from './signer/read-clock-skew.js';
export { resolveSigner, type SignerOrOptions } from './signer/resolve-signer.js';
export type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  CredentialsInput,
  HeadersLike,
  PresignRequest,
  SignableBody,
  SignableRequest,
  SignedRequest,
  Signer,
  SignerOptions,
  SigningExplanation,
} from './types.js';
export { type SignableHeaderValue, toSignableHeaderValue } from './utils/header-bytes.js';
export { stripSigningHeaders } from './utils/strip-signing-headers.js';
