/**
 * The canonical query string, computed on bytes.
 *
 * This one piece of canonicalization is ours, not smithy's: smithy's `getCanonicalQuery` takes decoded
 * JavaScript strings and encodes them as UTF-8, so a percent-escape that is not UTF-8 (`?q=%FF`, a cut
 * sequence `%C3`, Latin-1 `caf%E9`) can only reach it as U+FFFD and is signed as `%EF%BF%BD`, while AWS
 * canonicalizes the bytes on the wire (`q=%FF`) and answers 403. Here each name and value is
 * percent-decoded to bytes (`+` is a space, as API Gateway reads it; a `%` without two hex digits is a
 * literal `%`) and encoded again per RFC 3986, never passing through a string decoder.
 * @internal
 */
/** A query parameter in canonical form: name and value percent-encoded per RFC 3986 (uppercase hex). @internal */
export type EncodedParam = readonly [name: string, value: string];

const CANONICAL = /^[A-Za-z0-9\-._~]*$/;

/** What fetch's query serialization keeps that is not canonical: `+` (a space) and a `%` without two hex digits. */
const ODD_INPUT = /\+|%(?![\da-f]{2})/gi;

/** What `escape` leaves unencoded but RFC 3986 encodes, and the `~` it encodes but RFC 3986 keeps. */
const ESCAPE_DIFFERS = /[*+/@]|%7E/g;
const FIX_ESCAPE: Readonly<Record<string, string>> = { '*': '%2A', '+': '%2B', '/': '%2F', '@': '%40', '%7E': '~' };

/**
 * One query name or value as sent -> its canonical form: `%XX` decoded to the byte XX, `+` to a space,
 * every byte but the unreserved ones encoded as `%XX`. The input is a WHATWG-serialized query
 * (`URL.search`), which is ASCII: every other character is already percent-encoded UTF-8.
 * @internal
 */
export function canonicalQueryComponent(raw: string): string {
  if (CANONICAL.test(raw)) return raw;
  // `unescape` decodes each `%XX` to the character of that byte and `escape` encodes each such
  // character as `%XX` (upper-case): bytes in and bytes out, never through a UTF-8 decoder.
  // A replacement that finds nothing returns its input: no test first.
  const bytes = unescape(raw.replace(ODD_INPUT, (found) => (found === '+' ? ' ' : '%25')));
  return escape(bytes).replace(ESCAPE_DIFFERS, (found) => FIX_ESCAPE[found] as string);
}

/**
 * Splits a WHATWG-serialized query (without `?`) into canonical parameters, in order; repeated names
 * keep every value, a name without `=` has an empty value, empty pieces (`a&&b`) are skipped.
 * @internal
 */
export function parseWireQuery(rawQuery: string): EncodedParam[] {
  const params: EncodedParam[] = [];
  if (rawQuery === '') return params;
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    params.push(
      eq === -1
        ? [canonicalQueryComponent(pair), '']
        : [canonicalQueryComponent(pair.slice(0, eq)), canonicalQueryComponent(pair.slice(eq + 1))],
    );
  }
  return params;
}

/**
 * The CanonicalQueryString line: the parameters in canonical form (the URL's, and presign's `X-Amz-*`),
 * sorted by encoded name then encoded value, joined `name=value` with `&`. `X-Amz-Signature` is left
 * out, as smithy does.
 * @internal
 */
export function canonicalQueryString(params: readonly EncodedParam[]): string {
  const kept = sortInPlace(
    params.filter((param) => param[0].toLowerCase() !== 'x-amz-signature'),
    byNameThenValue,
  );
  // One string grown, pairs read by index: no array of `name=value` strings to join, no iterators.
  let line = '';
  for (let i = 0; i < kept.length; i++)
    line += `${i ? '&' : ''}${(kept[i] as EncodedParam)[0]}=${(kept[i] as EncodedParam)[1]}`;
  return line;
}

/** Encoded name, then encoded value; read by index, not destructured: no iterator per comparison. */
const byNameThenValue = (a: EncodedParam, b: EncodedParam): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;

/**
 * `items.sort(compare)`, stable, in place: a few items by insertion, which allocates nothing, unlike the engine's sort.
 * @internal
 */
export function sortInPlace<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > 24) return items.sort(compare);
  for (let i = 1, j: number; i < items.length; i++) {
    const item = items[i] as T;
    for (j = i; j && compare(item, items[j - 1] as T) < 0; j--) items[j] = items[j - 1] as T;
    items[j] = item;
  }
  return items;
}
