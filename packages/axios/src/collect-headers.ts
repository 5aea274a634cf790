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
    // One loop for a single value and a list of them (axios keeps `Set-Cookie`-like headers as arrays).
    const values = ([] as unknown[]).concat(value).map((v) => toSignableHeaderValue(String(v)));
    const wire = values.map((v) => v.wire);
    const texts = values.map((v) => v.text);
    const list = Array.isArray(value);
    // Set only when it changes: setting re-normalizes the whole header.
    if (list || wire[0] !== value) headers.set(name, list ? wire : wire[0], true);
    signable[lower] = list ? texts : (texts[0] as string);
  }
  return signable;
}
