import { SigV4Error } from '../errors/sigv4-error.js';
import type { Signer, SignerOptions } from '../types.js';
import { createSigner } from './create-signer.js';

/**
 * Adapter options: either signer options or a ready signer to share.
 *
 * @example
 * ```ts
 * const a: SignerOrOptions = { region: 'eu-central-1', service: 'execute-api' };
 * const b: SignerOrOptions = { signer: createSigner({ region: 'eu-central-1', service: 'execute-api' }) };
 * ```
 */
export type SignerOrOptions = SignerOptions | { signer: Signer };

const isSigner = (value: unknown): value is Signer =>
  typeof (value as Signer | null)?.sign === 'function' && typeof (value as Signer).presign === 'function';

/**
 * Returns `options.signer` when given, else `createSigner(options)`. Adapters call it once per instance.
 *
 * @param options - `{ signer }` or {@link SignerOptions}
 * @example
 * ```ts
 * import { resolveSigner } from '@sigv4/core';
 * export function sigv4Interceptor(options: SignerOrOptions & { retries?: number }) {
 *   const signer = resolveSigner(options);
 *   // …
 * }
 * ```
 */
export function resolveSigner(options: SignerOrOptions | undefined = {}): Signer {
  // Read once: a getter runs once, and primitives have no `signer` (normalizeOptions rejects them).
  const signer = (options as { signer?: unknown } | null)?.signer;
  if (signer !== undefined) {
    if (!isSigner(signer)) throw new SigV4Error('INVALID_OPTIONS', '`signer` must be made by createSigner().');
    return signer;
  }
  return createSigner(options as SignerOptions);
}
