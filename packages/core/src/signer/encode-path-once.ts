/** RFC 3986 unreserved characters, left as they are in a canonical path. */
const UNRESERVED = /[A-Za-z0-9\-._~]/;

const HEX = /^[0-9A-Fa-f]{2}$/;

/**
 * Path for `uriEscapePath: false` (S3 rules): each `%XX` escape decoded to its byte, a `%` not followed
 * by two hex digits kept as a literal byte, then every byte but the unreserved ones encoded once
 * (`/%41%zz` -> `/A%25zz`, as S3 and botocore read the key); `.`/`..`/`//` kept as they are.
 * The path is WHATWG-serialized, so ASCII. smithy signs this path as given.
 * @internal
 */
export function encodePathOnce(path: string): string {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const char = path[i] as string;
    const pair = path.slice(i + 1, i + 3);
    if (char === '/' || UNRESERVED.test(char)) {
      out += char;
    } else if (char === '%' && HEX.test(pair)) {
      const byte = parseInt(pair, 16);
      const decoded = String.fromCharCode(byte);
      out += UNRESERVED.test(decoded) ? decoded : `%${pair.toUpperCase()}`;
      i += 2;
    } else {
      // A stray "%", other ASCII and (in raw paths only) non-ASCII text: its UTF-8 bytes encoded.
      const codePoint = path.codePointAt(i) as number;
      if (codePoint > 0xffff) i++;
      out +=
        char === '%'
          ? '%25'
          : encodeURIComponent(String.fromCodePoint(codePoint)).replace(
              /[!'()*]/g,
              (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
            );
    }
  }
  return out;
}
