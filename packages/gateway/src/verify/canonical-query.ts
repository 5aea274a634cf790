import { percentDecode, uriEncode } from './uri-encode.js';

/** One query parameter, decoded to a byte string. @internal */
export interface QueryParam {
  name: string;
  value: string;
}

/**
 * Splits a raw query string the way AWS reads it: on `&`, each name and value
 * percent-decoded with `+` as a space; a name without `=` has an empty value.
 * @internal
 */
export function parseQuery(rawQuery: string): QueryParam[] {
  const params: QueryParam[] = [];
  if (rawQuery === '') return params;
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? '' : part.slice(eq + 1);
    params.push({ name: percentDecode(name, true), value: percentDecode(value, true) });
  }
  return params;
}

/**
 * The CanonicalQueryString line: names and values re-encoded per RFC 3986,
 * sorted by encoded name then encoded value, joined `name=value` with `&`.
 * @param omit - parameter names to leave out (`X-Amz-Signature` when presigned)
 * @internal
 */
export function canonicalQuery(rawQuery: string, omit: readonly string[] = []): string {
  const pairs: Array<[string, string]> = [];
  for (const { name, value } of parseQuery(rawQuery)) {
    if (omit.includes(name)) continue;
    pairs.push([uriEncode(name), uriEncode(value)]);
  }
  pairs.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}
