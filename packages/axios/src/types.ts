import type { Signer, SignerOptions } from '@sigv4/core';

/**
 * Options of {@link sigv4Interceptor} and {@link attachSigV4}: `createSigner`'s options
 * (`region`, `service`, `credentials`, `unsignedPayload`, …), or `{ signer }` to share one
 * signer (its credentials cache and clock) between clients.
 *
 * @example
 * ```ts
 * const options: SigV4InterceptorOptions = { region: 'eu-central-1', service: 'execute-api' };
 * ```
 * @public
 */
export type SigV4InterceptorOptions = SignerOptions | { signer: Signer };
