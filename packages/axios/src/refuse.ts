import type { SigV4Error as SigV4ErrorClass } from '@sigv4/core';

// Loaded on the first refused config; it imports nothing at run time, or browsers would load the shared chunk up front.

/** Why a config cannot be signed: Basic auth, or a URL that is not absolute http(s) without user:password@. @internal */
export type Refusal = { auth: true } | { url: unknown; cause: unknown };

/**
 * The `SigV4Error` for a config that cannot be signed; the query is left out of the message: it may hold secrets.
 * @internal
 */
export function refuse(SigV4Error: typeof SigV4ErrorClass, refusal: Refusal): SigV4ErrorClass {
  return 'auth' in refusal
    ? new SigV4Error('INVALID_OPTIONS', '@sigv4/axios: remove config.auth: Basic auth replaces the signature.')
    : new SigV4Error(
        'INVALID_URL',
        `@sigv4/axios: cannot sign "${String(refusal.url).split('?')[0]}": use an absolute http(s) URL or baseURL, without user:password@.`,
        { cause: refusal.cause },
      );
}
