import { SigV4Error } from '../errors/sigv4-error.js';

/** A URL split into what SigV4 signs. @internal */
export interface ParsedUrl {
  /**
   * The URL as clients send it: the WHATWG serialization (`new URL(url).href`) without the fragment.
   * Serializing it again gives the same string, so every client puts exactly this path and query on the wire.
   */
  readonly href: string;
  /** `http:` or `https:`. */
  readonly protocol: string;
  /** Lower-case host name (IDN in punycode), without port. */
  readonly hostname: string;
  /** `hostname[:port]`, the port only when not the scheme's default: the signed `host` header. */
  readonly host: string;
  /** Port when not the default one. */
  readonly port: number | undefined;
  /** The path as it goes on the wire (WHATWG-serialized `pathname`), `/` when empty. */
  readonly path: string;
  /** Decoded query parameters; repeated names keep every value, in order. */
  readonly query: Record<string, string | string[]>;
}

/**
 * Splits an absolute http(s) URL into the parts SigV4 signs.
 *
 * Path and query are what goes on the wire: the WHATWG parser's `pathname` and `search`, which is what
 * fetch, undici, browsers and axios put on the request line. A string written differently (a literal
 * space or `é`, `"`, `{`, `^`, a backslash, `%2e%2e` segments) is sent in that serialized form, so that
 * is the form signed. Query names and values are decoded as `application/x-www-form-urlencoded` (`+` is a
 * space, as API Gateway reads it); the signer re-encodes them (RFC 3986) for the canonical query.
 * @internal
 */
export function parseUrl(input: string | URL): ParsedUrl {
  const text = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
  if (text === undefined) {
    throw new SigV4Error('INVALID_URL', `Cannot sign a request whose url is a ${typeof input}: pass an absolute http(s) URL string or a URL object.`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    throw new SigV4Error('INVALID_URL', `Cannot sign "${clip(text)}": the url must be absolute, e.g. "https://abc123.execute-api.eu-central-1.amazonaws.com/prod/items".`, { cause });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SigV4Error('INVALID_URL', `Cannot sign "${clip(text)}": only http: and https: URLs can be signed (got ${url.protocol}).`);
  }
  url.hash = '';
  return {
    href: url.href,
    protocol: url.protocol,
    hostname: url.hostname,
    host: url.host,
    port: url.port === '' ? undefined : Number(url.port),
    path: url.pathname === '' ? '/' : url.pathname,
    query: parseQuery(url.search.slice(1)),
  };
}

/**
 * Decodes a raw query string into smithy's query shape (`string | string[]` values).
 * @internal
 */
export function parseQuery(rawQuery: string): Record<string, string | string[]> {
  // No prototype: a parameter named "__proto__" or "constructor" is just a parameter.
  const query = Object.create(null) as Record<string, string | string[]>;
  if (rawQuery === '') return query;
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeFormComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decodeFormComponent(pair.slice(eq + 1));
    const existing = query[name];
    if (existing === undefined) {
      query[name] = value;
    } else if (Array.isArray(existing)) {
      existing.push(value);
    } else {
      query[name] = [existing, value];
    }
  }
  return query;
}

/**
 * Decodes one `application/x-www-form-urlencoded` name or value as `URLSearchParams` does:
 * `+` is a space, `%XX` are UTF-8 bytes, malformed escapes stay as written.
 */
function decodeFormComponent(text: string): string {
  const plain = text.includes('+') ? text.replace(/\+/g, ' ') : text;
  if (!plain.includes('%')) return plain;
  try {
    return decodeURIComponent(plain);
  } catch {
    // Stray "%" or invalid UTF-8: the WHATWG parser's lenient result.
    return new URLSearchParams(`a=${text}`).get('a') ?? plain;
  }
}

/** Shortens a URL for an error message and drops its query (which may carry tokens). */
function clip(href: string): string {
  const noQuery = href.split(/[?#]/, 1)[0] ?? '';
  return noQuery.length > 120 ? `${noQuery.slice(0, 117)}...` : noQuery;
}
