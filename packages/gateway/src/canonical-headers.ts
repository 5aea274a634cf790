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
export function canonicalHeaders(rawHeaders: ReadonlyArray<readonly [string, string]>, signedHeaders: readonly string[]): string {
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

/** Trims and collapses every run of whitespace (including folded lines) to one space. @internal */
export function trimAll(value: string): string {
  return value.replace(/[ \t\r\n]+/g, ' ').trim();
}
