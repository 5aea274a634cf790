import { fail } from '../errors/fail.js';
import { type EncodedParam, parseWireQuery } from './canonical-query.js';

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
  /** Query parameters in canonical (byte-wise RFC 3986) form, in order; repeated names keep every value. */
  readonly query: readonly EncodedParam[];
}

/**
 * Splits an absolute http(s) URL into the parts SigV4 signs.
 *
 * Path and query are what goes on the wire: the WHATWG parser's `pathname` and `search`, which is what
 * fetch, undici, browsers and axios put on the request line. A string written differently (a literal
 * space or `é`, `"`, `{`, `^`, a backslash, `%2e%2e` segments) is sent in that serialized form, so that
 * is the form signed. Query names and values are percent-decoded to bytes (`+` is a space, as API Gateway
 * reads it) and re-encoded (RFC 3986) for the canonical query, see `canonical-query.ts`.
 * @internal
 */
export function parseUrl(input: string | URL): ParsedUrl {
  const text = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
  if (text === undefined) {
    throw fail('INVALID_URL', 'urlType', [input]);
  }
  let url: URL;
  try {
    // A URL object is parsed already (and serializes the same once parsed again): it is read, never changed.
    url = input instanceof URL ? input : new URL(text);
  } catch (cause) {
    throw fail('INVALID_URL', 'urlRelative', [text], cause);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw fail('INVALID_URL', 'urlProtocol', [text, url.protocol]);
  }
  return {
    // Only a fragment starts with `#` in a serialized URL.
    href: url.href.split('#', 1)[0] as string,
    protocol: url.protocol,
    hostname: url.hostname,
    host: url.host,
    port: url.port === '' ? undefined : Number(url.port),
    path: url.pathname === '' ? '/' : url.pathname,
    query: parseWireQuery(url.search.slice(1)),
  };
}
