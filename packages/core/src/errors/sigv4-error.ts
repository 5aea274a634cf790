/**
 * Every code a {@link SigV4Error} can carry. A shipped code is API: it never changes meaning.
 *
 * - `CREDENTIALS_MISSING`: no credentials were given and none could be found.
 * - `CREDENTIALS_PROVIDER_FAILED`: the credential provider threw or rejected (see `cause`).
 * - `CREDENTIALS_INVALID`: credentials lack `accessKeyId` or `secretAccessKey`.
 * - `REGION_UNRESOLVED` / `SERVICE_UNRESOLVED`: not given and not inferable from the host.
 * - `INVALID_URL`: the URL is not an absolute http(s) URL.
 * - `UNSUPPORTED_BODY`: the body cannot be hashed (a stream without `unsignedPayload: true`, or an unknown type).
 * - `INVALID_OPTIONS`: an option has the wrong type or range.
 * - `SIGNING_FAILED`: the signing library failed (see `cause`).
 * - `BODY_NOT_REPLAYABLE`: a request had to be sent again (a retry) but its body, a stream, was sent already.
 *
 * @example
 * ```ts
 * import { isSigV4Error, type SigV4ErrorCode } from '@sigv4/core';
 * const retryable: SigV4ErrorCode[] = ['CREDENTIALS_PROVIDER_FAILED'];
 * if (isSigV4Error(error) && retryable.includes(error.code)) { ... }
 * ```
 */
export type SigV4ErrorCode =
  | 'CREDENTIALS_MISSING'
  | 'CREDENTIALS_PROVIDER_FAILED'
  | 'CREDENTIALS_INVALID'
  | 'REGION_UNRESOLVED'
  | 'SERVICE_UNRESOLVED'
  | 'INVALID_URL'
  | 'UNSUPPORTED_BODY'
  | 'INVALID_OPTIONS'
  | 'SIGNING_FAILED'
  | 'BODY_NOT_REPLAYABLE';

/**
 * The only error `@sigv4/*` packages throw. `code` is stable; the message says what to change.
 * Secret keys and session tokens never appear in the message, the `cause` or the JSON form.
 *
 * @example
 * ```ts
 * import { SigV4Error } from '@sigv4/core';
 * try { await signer.sign(request); }
 * catch (error) { if (error instanceof SigV4Error && error.code === 'CREDENTIALS_MISSING') { ... } }
 * ```
 */
export class SigV4Error extends Error {
  override readonly name = 'SigV4Error' as const;
  /** Stable machine-readable reason. */
  readonly code: SigV4ErrorCode;

  /**
   * @param code - the stable reason
   * @param message - what went wrong and what to change
   * @param options - `cause`: the underlying error (secrets are redacted from it)
   */
  constructor(code: SigV4ErrorCode, message: string, options?: { cause?: unknown }) {
    // ES2022 makes `cause` an own, non-enumerable property, and only when `options` has one.
    super(message, options);
    this.code = code;
  }

  /** Plain form for logs: name, code, message (never secrets). */
  toJSON(): { name: 'SigV4Error'; code: SigV4ErrorCode; message: string } {
    return { name: this.name, code: this.code, message: this.message };
  }
}

/**
 * Tells whether a value is a {@link SigV4Error}, also one from another copy of this package or realm
 * (it checks `name` and `code`, not the prototype).
 *
 * @param error - any caught value
 * @example
 * ```ts
 * import { isSigV4Error } from '@sigv4/core';
 * if (isSigV4Error(error) && error.code === 'REGION_UNRESOLVED') console.error(error.message);
 * ```
 */
export function isSigV4Error(error: unknown): error is SigV4Error {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'SigV4Error' &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
