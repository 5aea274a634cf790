import type { EncodedParam } from '../request/canonical-query.js';
import type { Kit } from './kit.js';

/** Query parameters of a presigned URL, in the order AWS's reference signer writes them. */
const PRESIGN_PARAMS = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-SignedHeaders',
  'X-Amz-Expires',
  'X-Amz-Security-Token',
  'X-Amz-Signature',
] as const;

const FIXED = new Set<string>(PRESIGN_PARAMS);
const STALE = new Set<string>(PRESIGN_PARAMS.map((name) => name.toLowerCase()));
const isStale = (encodedName: string): boolean => STALE.has(encodedName.toLowerCase());

/**
 * Drops the `X-Amz-*` parameters of an earlier presigning (`X-Amz-Algorithm` … `X-Amz-Signature`) from a
 * URL about to be presigned, from the string and from its canonical parameters: presigning a presigned
 * link replaces its signature instead of signing the old one into a URL that then carries both.
 * @param kit - what presign's lazy chunk takes from core (see kit.ts)
 * @param href - the serialized URL
 * @param query - its canonical parameters
 * @internal
 */
export function withoutPresignParams(
  kit: Kit,
  href: string,
  query: readonly EncodedParam[],
): { href: string; query: readonly EncodedParam[] } {
  if (!query.some(([name]) => isStale(name))) return { href, query };
  const at = href.indexOf('?');
  const rest = href
    .slice(at + 1)
    .split('&')
    .filter((pair) => !isStale(kit.canonicalQueryComponent(pair.split('=', 1)[0] ?? '')))
    .join('&');
  return {
    href: rest === '' ? href.slice(0, at) : `${href.slice(0, at)}?${rest}`,
    query: query.filter(([name]) => !isStale(name)),
  };
}

/**
 * Appends the parameters smithy's `presign` added to the query (hoisted `x-amz-*` headers, then the
 * `X-Amz-*` signature parameters) to the serialized URL, RFC 3986-encoded; the fragment is dropped.
 * @param kit - what presign's lazy chunk takes from core (see kit.ts)
 * @param href - the URL that was signed, WHATWG-serialized (as clients send it)
 * @param query - the parameters presigning added (the URL's own parameters stay as written in `href`)
 * @internal
 */
export function buildPresignedUrl(kit: Kit, href: string, query: Record<string, string | string[]>): string {
  const names: string[] = [];
  for (const name of Object.keys(query)) {
    if (!FIXED.has(name)) names.push(name);
  }
  for (const name of PRESIGN_PARAMS) if (query[name] !== undefined) names.push(name);
  const pairs = names.map((name) => {
    const value = query[name];
    return (Array.isArray(value) ? value : [value ?? ''])
      .map((item) => `${kit.escapeUri(name)}=${kit.escapeUri(item)}`)
      .join('&');
  });
  const hash = href.indexOf('#');
  const base = hash === -1 ? href : href.slice(0, hash);
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${separator}${pairs.join('&')}`;
}
