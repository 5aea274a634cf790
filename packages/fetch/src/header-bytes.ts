const NON_ASCII = /[^\u0000-\u007f]/;
// `fatal` refuses bytes that are not UTF-8; `ignoreBOM` keeps a leading EF BB BF as U+FEFF.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/**
 * A header value as the signer must see it (`text`) and as it is sent (`wire`).
 * @internal
 */
export interface SignableHeaderValue {
  /** What to give the signer: the string whose UTF-8 bytes are the bytes on the wire. */
  text: string;
  /** What to put in the `Headers`: a byte string, one character per byte sent. */
  wire: string;
}

/**
 * Makes the signed bytes of a header value equal the bytes fetch sends.
 *
 * `Headers` hold byte strings: fetch (undici, browsers) sends each character as one byte, so
 * `café` goes out as `63 61 66 E9`, while the signer hashes the UTF-8 bytes of the text
 * (`… C3 A9`), and AWS hashes the bytes it received: a 403. So:
 * - ASCII values are signed and sent as they are;
 * - a value whose bytes are UTF-8 (already encoded, e.g. `cafÃ©`) is sent unchanged and signed
 *   as the text those bytes spell (`café`);
 * - any other value (Latin-1 text such as `café`) is sent as the UTF-8 bytes of its text,
 *   which is what the signer hashes (no string can make it hash a lone `E9`).
 * @param value - a value read from `Headers` (every character ≤ U+00FF).
 * @internal
 */
export function toSignableHeaderValue(value: string): SignableHeaderValue {
  if (!NON_ASCII.test(value)) return { text: value, wire: value };
  try {
    return { text: utf8Decoder.decode(Uint8Array.from(value, (char) => char.charCodeAt(0))), wire: value };
  } catch {
    return { text: value, wire: String.fromCharCode(...utf8Encoder.encode(value)) };
  }
}
