import { toSignableHeaderValue } from '@sigv4/core';
import type { AxiosHeaders } from 'axios';
import { CONTENT_TYPE_HEADER, UNSIGNABLE_HEADERS } from './constants.js';

/**
 * The headers to sign, lower-case names: every header that will be sent except
 * {@link UNSIGNABLE_HEADERS}, and `Content-Type` of a request without body (the browser XHR
 * adapter drops it). axios already removed control characters and trimmed the values when
 * they were set; the signer trims and collapses spaces for the canonical form, as servers do.
 *
 * Non-ASCII values: Node, undici and browsers send each character of a header string as one
 * byte, while the signer hashes UTF-8; core's `toSignableHeaderValue` gives the text to sign
 * and the byte string to send, so the server receives exactly the bytes that were signed
 * (`é` goes out as `C3 A9`), also when a retry signs an already-sent config again.
 * @internal
 */
export function collectSignableHeaders(headers: AxiosHeaders, hasBody: boolean): Record<string, string | string[]> {
  const signable: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers.toJSON() as Record<string, unknown>)) {
    const lower = name.toLowerCase();
    if (UNSIGNABLE_HEADERS.includes(lower) || (!hasBody && lower === CONTENT_TYPE_HEADER)) continue;
    const values = (Array.isArray(value) ? value : [value]).map((v) => toSignableHeaderValue(String(v)));
    const pick = (key: 'text' | 'wire') => (Array.isArray(value) ? values.map((v) => v[key]) : values[0]![key]);
    headers.set(name, pick('wire'), true);
    signable[lower] = pick('text');
  }
  return signable;
}
