/**
 * Percent-encoding as SigV4 defines it, on bytes rather than JS strings, so
 * that invalid UTF-8 or stray `%` on the wire is canonicalized the way AWS does
 * instead of throwing. Strings here are "byte strings": one char per octet
 * (latin1), which is how Node hands over the request line and header values.
 * @internal
 */

const HEX = '0123456789ABCDEF';

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d ||
    byte === 0x2e ||
    byte === 0x5f ||
    byte === 0x7e // - . _ ~
  );
}

/**
 * RFC 3986 encoding of every octet except the unreserved ones (uppercase hex).
 * @internal
 */
export function uriEncode(byteString: string): string {
  let out = '';
  for (let i = 0; i < byteString.length; i++) {
    const byte = byteString.charCodeAt(i) & 0xff;
    out += isUnreserved(byte) ? String.fromCharCode(byte) : `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  }
  return out;
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/**
 * Decodes `%XX` escapes into octets; a `%` not followed by two hex digits stays literal.
 * @param plusIsSpace - decode `+` as a space (query strings, as AWS reads them)
 * @internal
 */
export function percentDecode(byteString: string, plusIsSpace: boolean): string {
  let out = '';
  for (let i = 0; i < byteString.length; i++) {
    const ch = byteString.charCodeAt(i);
    if (ch === 0x25 && i + 2 < byteString.length) {
      const hi = hexValue(byteString.charCodeAt(i + 1));
      const lo = hexValue(byteString.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        out += String.fromCharCode(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += plusIsSpace && ch === 0x2b ? ' ' : byteString[i];
  }
  return out;
}

/** Byte string -> readable text (UTF-8), for messages and proxy events. @internal */
export function bytesToText(byteString: string): string {
  return Buffer.from(byteString, 'latin1').toString('utf8');
}
