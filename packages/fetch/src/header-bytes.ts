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
 *
 * `escape` writes each character (all ≤ U+00FF here) as `%XX`, which `decodeURIComponent` reads
 * as UTF-8 and refuses (`URIError`) when it is not; `unescape(encodeURIComponent(text))` is the
 * UTF-8 byte string of `text`. Both are in every browser and Node, and much smaller than
 * TextDecoder code in the browser bundle.
 * @param value - a value read from `Headers` (every character ≤ U+00FF).
 * @internal
 */
export function toSignableHeaderValue(value: string): SignableHeaderValue {
  try {
    return { text: decodeURIComponent(escape(value)), wire: value };
  } catch {
    return { text: value, wire: unescape(encodeURIComponent(value)) };
  }
}
