/**
 * Credentials the verifier knows: long-term users and live STS sessions.
 * @public
 */
export interface KnownCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Set for temporary credentials: the request must carry exactly this token. */
  sessionToken?: string;
  /** When temporary credentials stop working (ms since epoch or Date). */
  expiration?: Date | number;
  /** ARN of the identity (user or assumed role), reported to the handler. */
  arn?: string;
  /** `requestContext.identity.caller` (user id, or `roleId:sessionName`). */
  caller?: string;
}

/**
 * Error types API Gateway sends in `x-amzn-ErrorType` for authorization failures.
 * @public
 */
export type AuthErrorType =
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'InvalidSignatureException'
  | 'UnrecognizedClientException'
  | 'ExpiredTokenException';

/**
 * Options of `verifyRequest`.
 * @public
 */
export interface VerifyOptions {
  /** Region the credential scope must name. */
  region: string;
  /** Service the credential scope must name, e.g. `execute-api`. */
  service: string;
  /** Known credentials: one set or a list. @default [] */
  credentials?: KnownCredentials | readonly KnownCredentials[];
  /** Looked up after `credentials`, e.g. for STS sessions created at run time. */
  resolveCredentials?: (accessKeyId: string) => KnownCredentials | undefined;
  /** The verifier's clock. @default Date.now */
  now?: () => Date | number;
  /** Remove `.`/`..` segments and repeated slashes from the canonical path. @default service !== 's3' */
  normalizePath?: boolean;
  /**
   * URI-encode the (already encoded) path again. `false` (S3): decode each segment and encode it once.
   * @default service !== 's3'
   */
  encodePath?: boolean;
  /** Accept `x-amz-content-sha256: UNSIGNED-PAYLOAD` as the payload hash. @default service === 's3' */
  allowUnsignedPayload?: boolean;
  /**
   * Leave `X-Amz-Security-Token` out of the canonical query of presigned
   * requests, for signers that append the token after signing (AWS IoT style).
   * API Gateway signs every query parameter but `X-Amz-Signature`.
   * @default false
   */
  unsignedSessionToken?: boolean;
}

/**
 * A request whose signature checks out.
 * @public
 */
export interface VerifySuccess {
  ok: true;
  /** Where the signature was: `Authorization` header or presigned query. */
  via: 'header' | 'query';
  credentials: KnownCredentials;
  signedHeaders: string[];
  /** `X-Amz-Date` of the request (ISO 8601 basic). */
  signingDate: string;
  canonicalRequest: string;
  stringToSign: string;
}

/**
 * A refused request: what AWS would answer.
 * @public
 */
export interface VerifyFailure {
  ok: false;
  status: 403;
  errorType: AuthErrorType;
  message: string;
  /** Set when the signature was computed and did not match. */
  canonicalRequest?: string;
  stringToSign?: string;
  /** The signature the verifier computed, set with `canonicalRequest`; tests build the expected `Authorization` from it (AWS never sends it). */
  expectedSignature?: string;
}

/** @public */
export type VerifyResult = VerifySuccess | VerifyFailure;
