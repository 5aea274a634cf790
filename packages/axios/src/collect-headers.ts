import { toSignableHeaderValue } from '@sigv4/core';
import type { AxiosHeaders } from 'axios';
import { CONTENT_TYPE_HEADER, UNSIGNABLE_HEADERS } from './constants.js';

/**
 * The headers to sign, by lower-case name: all that will be sent but {@link UNSIGNABLE_HEADERS} and the
 * `Content-Type` of a request without body (XHR drops it). Each value is set to the bytes that will be signed
 * (core's `toSignableHeaderValue`: clients send one byte per character, the signer hashes UTF-8).
 * @internal
 */
export function collectSignableHeaders(headers: AxiosHeaders, hasBody: boolean): Record<string, string | string[]> {
  const signable: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers.toJSON() as Record<string, unknown>)) {
    const lower = name.toLowerCase();
    if (UNSIGNABLE_HEADERS.includes(lower) || (!hasBody && lower === CONTENT_TYPE_HEADER)) continue;
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
