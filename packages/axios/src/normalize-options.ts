import { createSigner, SigV4Error } from '@sigv4/core';
import type { Signer } from '@sigv4/core';
import type { SigV4InterceptorOptions } from './types.js';

/**
 * Checks the options and returns the signer to use: the given `signer`, or a new one
 * made by `createSigner(options)` (which validates the signer options).
 * @internal
 */
export function normalizeOptions(options: SigV4InterceptorOptions): Signer {
  if (typeof options !== 'object' || options === null) {
    throw new SigV4Error(
      'INVALID_OPTIONS',
      '@sigv4/axios: pass an options object, e.g. sigv4Interceptor({ region: "eu-central-1", service: "execute-api" }) or sigv4Interceptor({ signer }).',
    );
  }
  if ('signer' in options) {
    const { signer } = options;
    if (typeof signer !== 'object' || signer === null || typeof signer.sign !== 'function') {
      throw new SigV4Error(
        'INVALID_OPTIONS',
        '@sigv4/axios: `signer` must be a signer made by createSigner() from @sigv4/core.',
      );
    }
    return signer;
  }
  return createSigner(options);
}
