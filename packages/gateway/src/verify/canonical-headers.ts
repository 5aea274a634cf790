/**
 * The CanonicalHeaders block: for each signed name, every occurrence of the
 * header (names compare case-insensitively) with its value trimmed and inner
 * whitespace runs collapsed to one space, joined with `,` in arrival order.
 * A signed header the request does not carry canonicalizes to an empty value,
 * so the signature cannot match.
 * @param rawHeaders - `[name, value]` pairs in wire order, byte strings
 * @param signedHeaders - lower-case names from `SignedHeaders`, in its order
 * @internal
 */
export function canonicalHeaders(
  rawHeaders: ReadonlyArray<readonly [string, string]>,
  signedHeaders: readonly string[],
): string {
  let out = '';
  for (const name of signedHeaders) {
    const values: string[] = [];
    for (const [rawName, value] of rawHeaders) {
      if (rawName.toLowerCase() === name) values.push(trimAll(value));
    }
    out += `${name}:${values.join(',')}\n`;
  }
  return out;
}

/**
 * AWS's Trimall on a byte string: "remove excess white space before and after
 * values, and convert sequential spaces to a single space". Only SP and HTAB
 * (the whitespace a field value can hold) count, plus CR/LF of folded lines,
 * as smithy's `getCanonicalHeaders` does. Never `String.prototype.trim`: on
 * bytes it also strips 0xA0, the last byte of `à` (C3 A0) or `蠠` (E8 A0 A0).
 * @internal
 */
export function trimAll(value: string): string {
  return value.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');
}

/** Removes leading and trailing SP/HTAB (RFC 9110 OWS) from a byte string, and nothing else. @internal */
export function trimOws(value: string): string {
  return value.replace(/^[ \t]+|[ \t]+$/g, '');
}
