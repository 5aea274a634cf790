import { STALE_SIGNING_HEADERS, toSignableHeaderValue } from '@sigv4/core';
import type { AxiosHeaders } from 'axios';
import { CONTENT_TYPE_HEADER, UNSIGNABLE_HEADERS } from './constants.js';

/**
 * The headers to sign, by lower-case name: all that will be sent but {@link UNSIGNABLE_HEADERS} and the
 * `Content-Type` of a request without body (XHR drops it). Each value is set to the bytes that will be signed
 * (core's `toSignableHeaderValue`: clients send one byte per character, the signer hashes UTF-8). A caller's
 * session token, and on a config signed before every signing header, is removed: the signer adds its own.
 * @internal
 */
export function collectSignableHeaders(
  headers: AxiosHeaders,
  hasBody: boolean,
  resigning: boolean,
): Record<string, string | string[]> {
  const signable: Record<string, string | string[]> = {};
  // One pass over the names as they are, every case of them: each AxiosHeaders lookup would walk them again.
  for (const name in headers) {
    const value: unknown = headers[name];
    const lower = name.toLowerCase();
    if (lower === 'x-amz-security-token' || (resigning && STALE_SIGNING_HEADERS.includes(lower))) {
      delete headers[name];
      continue;
    }
    // `null` and `false` values are not sent
    if (
      value == null ||
      value === false ||
      UNSIGNABLE_HEADERS.includes(lower) ||
      (!hasBody && lower === CONTENT_TYPE_HEADER)
    )
      continue;
    if (Array.isArray(value)) {
      const values = value.map((v) => toSignableHeaderValue(String(v)));
      headers.set(
        name,
        values.map((v) => v.wire),
        true,
      );
      signable[lower] = values.map((v) => v.text);
    } else {
      const { text, wire } = toSignableHeaderValue(String(value));
      // Set only when it changes: setting re-normalizes the whole header.
      if (wire !== value) headers.set(name, wire, true);
      signable[lower] = text;
    }
  }
  return signable;
}
