import { STALE_SIGNING_HEADERS } from '../constants.js';

/**
 * Returns a copy of `headers` without the headers an earlier signing added
 * ({@link STALE_SIGNING_HEADERS}, any case), so a retried or redirected request can be signed afresh.
 *
 * @param headers - headers of the previous attempt
 * @example
 * ```ts
 * import { stripSigningHeaders } from '@sigv4/core';
 * const fresh = stripSigningHeaders({ Authorization: 'AWS4-HMAC-SHA256 …', 'content-type': 'application/json' });
 * // { 'content-type': 'application/json' }
 * ```
 */
export function stripSigningHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    if (!STALE_SIGNING_HEADERS.includes(name.toLowerCase())) out[name] = headers[name] as string;
  }
  return out;
}
