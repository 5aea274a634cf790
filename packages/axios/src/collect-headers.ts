import type { AxiosHeaders } from 'axios';
import { CONTENT_TYPE_HEADER, UNSIGNABLE_HEADERS } from './constants.js';

const NON_ASCII = /[^\u0000-\u007f]/;
const utf8 = new TextEncoder();

/**
 * The headers to sign, lower-case names: every header that will be sent except
 * {@link UNSIGNABLE_HEADERS}, and `Content-Type` of a request without body (the browser XHR
 * adapter drops it). axios already removed control characters and trimmed the values when
 * they were set; the signer trims and collapses spaces for the canonical form, as servers do.
 *
 * Non-ASCII values: the signer hashes a header value as UTF-8, while Node, undici and browsers
 * send each character of a header string as one byte (Latin-1), and cannot send characters
 * above U+00FF at all. So such values are written back as their UTF-8 bytes: the server
 * receives exactly the bytes that were signed (`é` goes out as `C3 A9`, not `E9`). On a
 * re-signed config (`resigning`) those byte strings are decoded first, not encoded twice.
 * @internal
 */
export function collectSignableHeaders(
  headers: AxiosHeaders,
  hasBody: boolean,
  resigning: boolean,
): Record<string, string | string[]> {
  const signable: Record<string, string | string[]> = {};
  const clean = (value: unknown): string => (resigning ? fromUtf8ByteString(String(value)) : String(value));
  for (const [name, value] of Object.entries(headers.toJSON() as Record<string, unknown>)) {
    const lower = name.toLowerCase();
    if (UNSIGNABLE_HEADERS.includes(lower) || (!hasBody && lower === CONTENT_TYPE_HEADER)) continue;
    const text = mapValues(value, clean);
    headers.set(name, mapValues(text, toUtf8ByteString), true);
    signable[lower] = text;
  }
  return signable;
}

/** `fn` applied to a header value, or to each value of a repeated header. */
function mapValues<T>(value: unknown, fn: (value: T) => string): string | string[] {
  return Array.isArray(value) ? value.map(fn) : fn(value as T);
}

/** The string whose Latin-1 bytes are the UTF-8 bytes of `value` (ASCII stays as it is). */
function toUtf8ByteString(value: string): string {
  return NON_ASCII.test(value) ? String.fromCharCode(...utf8.encode(value)) : value;
}

/**
 * Undoes {@link toUtf8ByteString}: `escape` turns each Latin-1 character into `%XX`, which
 * `decodeURIComponent` reads as UTF-8. Values that are not UTF-8 byte strings (it throws) stay as they are.
 */
function fromUtf8ByteString(value: string): string {
  try {
    return decodeURIComponent(escape(value));
  } catch {
    return value;
  }
}
