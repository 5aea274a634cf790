/**
 * Codes of the errors `startGateway` throws.
 * @public
 */
export type GatewayErrorCode = 'INVALID_OPTIONS' | 'LISTEN_FAILED';

/**
 * The gateway's own copy of `SigV4Error` (same `name` and `code` shape, so
 * `isSigV4Error` from `@sigv4/core` recognizes it). The gateway may not import
 * `@sigv4/core`: its verifier must stay independent of the signer.
 * @internal
 */
export class SigV4Error extends Error {
  override readonly name = 'SigV4Error';
  readonly code: GatewayErrorCode;

  constructor(code: GatewayErrorCode, message: string, options?: { cause?: unknown }) {
    super(`@sigv4/gateway: ${message}`, options);
    this.code = code;
  }
}
