import { AxiosHeaders } from 'axios';
import { CONTENT_TYPE_HEADER, HEADER_BUCKETS, UNSIGNABLE_HEADERS } from './constants.js';

/** Control characters a header value cannot carry (tab excepted); axios strips them too. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000a-\u001f\u007f]+/g;
/** Anything outside US-ASCII. */
const NON_ASCII = /[^\u0000-\u007f]/;
const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The request's headers as one `AxiosHeaders`: `headers.common` and the method's bucket
 * (`headers.post`, …) merged under the request's own headers, as axios does before
 * interceptors run. Configs replaced by other interceptors with plain objects are flattened too.
 * @internal
 */
export function flattenHeaders(raw: unknown, method: string): AxiosHeaders {
  if (raw instanceof AxiosHeaders) return raw;
  if (!isPlainObject(raw)) return AxiosHeaders.from(raw as AxiosHeaders);
  const own: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!(HEADER_BUCKETS.includes(name) && isPlainObject(value))) own[name] = value;
  }
  const common = raw['common'];
  const forMethod = raw[method];
  const headers = new AxiosHeaders();
  if (isPlainObject(common)) headers.set(common as Record<string, string>);
  if (isPlainObject(forMethod)) headers.set(forMethod as Record<string, string>);
  headers.set(own as Record<string, string>);
  return headers;
}

/**
 * The headers to sign, lower-case names: every header that will be sent except
 * {@link UNSIGNABLE_HEADERS}, and `Content-Type` of a request without body (the browser XHR
 * adapter drops it). Values are cleaned as axios cleans them (trimmed, control characters
 * removed) and written back, so what is signed is what the adapter sends.
 *
 * Non-ASCII values: the signer hashes a header value as UTF-8, while Node, undici and browsers
 * send each character of a header string as one byte (Latin-1), and cannot send characters
 * above U+00FF at all. So such values are written back as their UTF-8 bytes: the server
 * receives exactly the bytes that were signed (`é` goes out as `C3 A9`, not `E9`).
 * @internal
 */
export function collectSignableHeaders(
  headers: AxiosHeaders,
  hasBody: boolean,
  resigning: boolean,
): Record<string, string | string[]> {
  const clean = resigning ? (v: unknown) => fromUtf8ByteString(cleanValue(v)) : cleanValue;
  const signable: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers.toJSON() as Record<string, unknown>)) {
    const lower = name.toLowerCase();
    if (UNSIGNABLE_HEADERS.has(lower) || (!hasBody && lower === CONTENT_TYPE_HEADER)) continue;
    const text = Array.isArray(value) ? value.map(clean) : clean(value);
    const wire = Array.isArray(text) ? text.map(toUtf8ByteString) : toUtf8ByteString(text);
    if (Array.isArray(wire) ? wire.some((v, i) => v !== (value as unknown[])[i]) : wire !== value) {
      headers.set(name, wire, true);
    }
    signable[lower] = text;
  }
  return signable;
}

function cleanValue(value: unknown): string {
  return String(value).replace(CONTROL_CHARS, '').replace(/^[ \t]+|[ \t]+$/g, '');
}

/** The string whose Latin-1 bytes are the UTF-8 bytes of `value` (ASCII stays as it is). */
function toUtf8ByteString(value: string): string {
  if (!NON_ASCII.test(value)) return value;
  let bytes = '';
  for (const byte of utf8.encode(value)) bytes += String.fromCharCode(byte);
  return bytes;
}

/**
 * Undoes {@link toUtf8ByteString} for a config this interceptor already signed (a retry),
 * so a value is not encoded twice. Values that are not UTF-8 byte strings stay as they are.
 */
function fromUtf8ByteString(value: string): string {
  if (!NON_ASCII.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  const bytes = Uint8Array.from(value, (c) => c.charCodeAt(0));
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return value;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
