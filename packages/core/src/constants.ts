/**
 * Wire strings and defaults of the signer, in one place.
 * @internal
 */

/** SHA-256 of the empty string: the payload hash of a request without a body. @internal */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Payload hash used when a body is not hashed (streams, s3 presigned URLs). @internal */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/**
 * What `x-amz-content-sha256` may declare: a SHA-256 in lower-case hex or one of AWS's literals; the
 * body is then not read.
 * @internal
 */
export const DECLARED_PAYLOAD = /^(?:[0-9a-f]{64}|UNSIGNED-PAYLOAD|STREAMING-[-A-Z0-9]+)$/;

/** @internal */
export const AUTHORIZATION_HEADER = 'authorization';
/** @internal */
export const AMZ_DATE_HEADER = 'x-amz-date';
/** @internal */
export const SECURITY_TOKEN_HEADER = 'x-amz-security-token';
/** @internal */
export const CONTENT_SHA256_HEADER = 'x-amz-content-sha256';
/** @internal */
export const HOST_HEADER = 'host';
/** @internal */
export const CONTENT_TYPE_HEADER = 'content-type';

/**
 * Headers that a signing attempt adds. Drop them before signing a request again
 * (a retry, a redirect), or the old values would be signed into the new signature.
 *
 * @example
 * ```ts
 * import { STALE_SIGNING_HEADERS } from '@sigv4/core';
 * for (const name of STALE_SIGNING_HEADERS) headers.delete(name);
 * ```
 */
export const STALE_SIGNING_HEADERS: readonly string[] = /* @__PURE__ */ Object.freeze([
  AUTHORIZATION_HEADER,
  AMZ_DATE_HEADER,
  SECURITY_TOKEN_HEADER,
  CONTENT_SHA256_HEADER,
]);

/** Presigned URLs live 15 minutes unless `expiresIn` says otherwise. @internal */
export const DEFAULT_PRESIGN_EXPIRES_IN = 900;

/** SigV4 presigned URLs may live at most one week. @internal */
export const MAX_PRESIGN_EXPIRES_IN = 7 * 24 * 60 * 60;

/** Cached credentials are refreshed this long before they expire. @internal */
export const CREDENTIALS_REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** Default lifetime of the temporary credentials made by `fromAssumeRole`. @internal */
export const DEFAULT_ASSUME_ROLE_DURATION_SECONDS = 900;

/** Request and connection timeouts of `fromAssumeRole`'s STS client (the SDK's default waits for ever). @internal */
export const ASSUME_ROLE_REQUEST_HANDLER = /* @__PURE__ */ Object.freeze({
  requestTimeout: 5_000,
  connectionTimeout: 5_000,
});
