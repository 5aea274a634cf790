import { resolveSigner, type SignerOrOptions } from '../signer/resolve-signer.js';
import type { PresignRequest } from '../types.js';

/**
 * Options of {@link presignUrl}: an adapter's options (`createSigner` options or `{ signer }`)
 * plus what {@link Signer.presign} takes besides the URL.
 * @public
 */
export type PresignUrlOptions = SignerOrOptions & Omit<PresignRequest, 'url'>;

/**
 * Returns a presigned URL with the same credentials, region and service as an adapter's options:
 * a link for something that cannot set headers (`<img src>`, `EventSource`, a download, another process).
 * Pass `{ signer }` to share the signer (its credentials cache and clock) with the adapter.
 *
 * @param url - absolute http(s) URL
 * @param options - the adapter's options, `expiresIn` (seconds, default 900), `method`, `headers`, `body`
 * @returns the URL with the signature in its query string
 * @throws {@link SigV4Error} as {@link Signer.presign}
 * @example
 * ```ts
 * import { presignUrl } from '@sigv4/fetch';
 * const link = await presignUrl('https://abc123.execute-api.eu-central-1.amazonaws.com/prod/report', {
 *   region: 'eu-central-1', service: 'execute-api', expiresIn: 300,
 * });
 * ```
 * @public
 */
export function presignUrl(url: string | URL, options: PresignUrlOptions = {}): Promise<string> {
  const { method, headers, body, expiresIn } = options as Omit<PresignRequest, 'url'>;
  return resolveSigner(options).presign({ method, url, headers, body, expiresIn });
}
