/**
 * A header value as the signer must see it (`text`) and as the HTTP client must send it (`wire`).
 * @public
 */
export interface SignableHeaderValue {
  /** What to give the signer: the string whose UTF-8 bytes are the bytes on the wire. */
  text: string;
  /** What to put in the client's headers: a byte string, one character per byte sent. */
  wire: string;
}

/**
 * Makes the signed bytes of a header value equal the bytes an HTTP client sends.
 *
 * Header values are byte strings: fetch, undici, Node's `http` and browsers send each character
 * as one byte, so `café` goes out as `63 61 66 E9`, while the signer hashes the UTF-8 bytes of the
 * text (`… C3 A9`) and AWS hashes the bytes it received: a 403. Use it on every header value
 * before signing, sign `text`, send `wire`:
 * - ASCII values come back unchanged in both;
 * - a value whose characters are UTF-8 bytes (`cafÃ©`, e.g. the `wire` of an earlier attempt,
 *   so a retry can be signed again from the request already sent) is sent unchanged and signed
 *   as the text those bytes spell (`café`);
 * - any other value (Latin-1 text such as `café`) is sent as the UTF-8 bytes of its text, which
 *   is what the signer hashes (no string can make the signer hash a lone `E9`).
 *
 * @param value - a header value as the client holds it (every character ≤ U+00FF, as `Headers` ensures).
 * @returns the value to sign and the value to send.
 * @example
 * ```ts
 * import { toSignableHeaderValue } from '@sigv4/core';
 * toSignableHeaderValue('café'); // { text: 'café', wire: 'cafÃ©' } (sent as 63 61 66 C3 A9)
 * toSignableHeaderValue('cafÃ©'); // { text: 'café', wire: 'cafÃ©' }
 * ```
 * @public
 */
export function toSignableHeaderValue(value: string): SignableHeaderValue {
  // `escape` writes each character (≤ U+00FF) as `%XX`, which `decodeURIComponent` reads as UTF-8
  // and refuses (`URIError`) when it is not; `unescape(encodeURIComponent(text))` is the UTF-8
  // byte string of `text`. Both exist in every browser and Node, and cost far fewer bytes than
  // TextEncoder/TextDecoder code in browser bundles.
  try {
    return { text: decodeURIComponent(escape(value)), wire: value };
  } catch {
    return { text: value, wire: unescape(encodeURIComponent(value)) };
  }
}
