import { escapeUri } from '@smithy/core/protocols';

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

/**
 * Appends the parameters smithy's `presign` added to the query (hoisted `x-amz-*` headers, then the
 * `X-Amz-*` signature parameters) to the serialized URL, RFC 3986-encoded; the fragment is dropped.
 * @param href - the URL that was signed, WHATWG-serialized (as clients send it)
 * @param query - the parameters presigning added (the URL's own parameters stay as written in `href`)
 * @internal
 */
export function buildPresignedUrl(href: string, query: Record<string, string | string[]>): string {
  const names: string[] = [];
  for (const name of Object.keys(query)) {
    if (!FIXED.has(name)) names.push(name);
  }
  for (const name of PRESIGN_PARAMS) if (query[name] !== undefined) names.push(name);
  const pairs = names.map((name) => {
    const value = query[name];
    return (Array.isArray(value) ? value : [value ?? '']).map((item) => `${escapeUri(name)}=${escapeUri(item)}`).join('&');
  });
  const hash = href.indexOf('#');
  const base = hash === -1 ? href : href.slice(0, hash);
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${separator}${pairs.join('&')}`;
}
