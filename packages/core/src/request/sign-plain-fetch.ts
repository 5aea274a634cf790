import { AUTHORIZATION_HEADER, CONTENT_SHA256_HEADER, DECLARED_PAYLOAD, STALE_SIGNING_HEADERS } from '../constants.js';
import type { Signer } from '../types.js';
import type { SignedFetchRequest } from './sign-fetch-request.js';

export /** A signature of an earlier attempt (a retry, a redirect): every signing header is then stale. */
const EARLIER_SIGNATURE = 'AWS4-HMAC-SHA256 ';

const encoder = new TextEncoder();

const isSimpleBody = (body: unknown): boolean =>
  typeof body === 'string' ||
  body instanceof URLSearchParams ||
  body instanceof ArrayBuffer ||
  ArrayBuffer.isView(body);

/** The bytes fetch makes of a string, URLSearchParams or buffer body, without reading a stream. */
export function encodeSimpleBody(body: unknown): Uint8Array<ArrayBuffer> | undefined {
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof URLSearchParams) return encoder.encode(body.toString());
  if (body instanceof ArrayBuffer) return new Uint8Array(body.slice(0));
  if (ArrayBuffer.isView(body)) {
    return new Uint8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  }
  return undefined;
}

/** Methods a `Request` accepts as they are, apart from their case. */
const PLAIN_METHODS = /^(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/i;

/** Header names a browser's `Request` drops (forbidden request headers): only a real `Request` knows its runtime's rules. */
const FORBIDDEN_HEADER =
  /^(?:accept-charset|accept-encoding|access-control-request-.*|connection|content-length|cookie2?|date|dnt|expect|host|keep-alive|origin|referer|set-cookie|te|trailer|transfer-encoding|upgrade|via|proxy-.*|sec-.*|x-http-method(?:-override)?|x-method-override)$/;

/** The content type a `Request` gives a string or form body that has none. */
function impliedContentType(body: unknown): string | undefined {
  if (typeof body === 'string') return 'text/plain;charset=UTF-8';
  if (body instanceof URLSearchParams) return 'application/x-www-form-urlencoded;charset=UTF-8';
  return undefined;
}

/** A header name fetch takes as it is (an HTTP token). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;

/** A header value fetch sends as it is and the signer hashes as it is: printable ASCII, no outer spaces. */
const SIMPLE_VALUE = /^(?:[!-~](?:[ -~]*[!-~])?)?$/;

/** Header entries as `Headers` holds them, if every value is a {@link SIMPLE_VALUE}. */
function toSimpleHeaders(entries: Iterable<[string, unknown]>): Record<string, string> | undefined {
  const headers: Record<string, string> = Object.create(null);
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    if (typeof value !== 'string' || !TOKEN.test(name) || !SIMPLE_VALUE.test(value) || lower in headers) {
      return undefined;
    }
    headers[lower] = value;
  }
  return headers;
}

/**
 * The headers of `init.headers` as `new Headers(init.headers)` holds them, in a dictionary, when every value
 * is simple: sent as it is, signed as it is. A plain object is read in its own order without a `Headers`.
 */
function readSimpleHeaders(input: HeadersInit | undefined): Record<string, string> | undefined {
  const proto = typeof input === 'object' && input !== null ? Object.getPrototypeOf(input) : undefined;
  const plainObject =
    input === undefined ||
    ((proto === Object.prototype || proto === null) && Object.getOwnPropertySymbols(input).length === 0);
  return (
    (plainObject ? toSimpleHeaders(Object.entries(input ?? {})) : undefined) ?? toSimpleHeaders(new Headers(input))
  );
}

/**
 * What `new Request(url, init)` would hold, read from `init` without building it, when nothing in it
 * needs a `Request`'s own rules: an absolute http(s) URL, a plain method, no forbidden header, and no
 * body or a string, bytes or URLSearchParams body, and simple headers (see {@link readSimpleHeaders}:
 * any other value is sent as its UTF-8 bytes, which the general path does).
 */
function readPlainInit(input: unknown, init: RequestInit | undefined) {
  if (typeof input !== 'string' && !(input instanceof URL)) return undefined;
  const method = init?.method ?? 'GET';
  const body = init?.body ?? undefined;
  if (!PLAIN_METHODS.test(method) || init?.mode === 'no-cors') return undefined;
  if (body !== undefined && (/^(?:GET|HEAD)$/i.test(method) || !isSimpleBody(body))) return undefined;
  if (!/^https?:\/\//i.test(String(input))) return undefined;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return undefined;
  }
  if (url.username !== '' || url.password !== '') return undefined;
  const headers = readSimpleHeaders(init?.headers);
  if (headers === undefined) return undefined;
  for (const name in headers) if (FORBIDDEN_HEADER.test(name)) return undefined;
  const type = impliedContentType(body);
  if (type !== undefined && headers['content-type'] === undefined) headers['content-type'] = type;
  return { url, method: method.toUpperCase(), headers, body };
}

/**
 * A signed request with a string body, whose bytes are made only when asked for (a redirect sends them
 * again). A class: an object literal with a getter is far slower to make.
 */
class SignedText implements SignedFetchRequest {
  readonly url: string;
  readonly unread = false;
  readonly #text: string;
  #bytes: Uint8Array<ArrayBuffer> | undefined;

  constructor(
    readonly input: string,
    readonly init: RequestInit & { duplex?: 'half' },
    readonly redirect: RequestRedirect,
    text: string,
  ) {
    this.url = input;
    this.#text = text;
  }

  get bytes(): Uint8Array<ArrayBuffer> | undefined {
    this.#bytes ??= encodeSimpleBody(this.#text);
    return this.#bytes;
  }
}

/** {@link signFetchRequest} of a URL and an init that say everything: no `Request` is made. */
async function signPlain(
  signer: Signer,
  plain: NonNullable<ReturnType<typeof readPlainInit>>,
  init: RequestInit | undefined,
): Promise<SignedFetchRequest> {
  const { url, method, headers } = plain;
  // A string is signed and sent as it is (fetch sends its UTF-8 bytes, which the signer hashes); its bytes
  // are made only when asked for (a redirect sends them again).
  const text = typeof plain.body === 'string' ? plain.body : undefined;
  const bytes = plain.body === undefined || text !== undefined ? undefined : encodeSimpleBody(plain.body);
  if (headers[AUTHORIZATION_HEADER]?.startsWith(EARLIER_SIGNATURE)) {
    for (const name of STALE_SIGNING_HEADERS) delete headers[name];
  }
  // Simple headers are signed and sent as they are: the signed headers are the headers to send.
  const signed = await signer.sign({ method, url, headers, body: text ?? bytes });
  const href = signed.url;

  const { body: _body, headers: _headers, ...rest } = init ?? {};
  const redirect = init?.redirect ?? 'follow';
  const sent: RequestInit & { duplex?: 'half' } = {
    ...rest,
    method,
    headers: signed.headers,
    redirect: redirect === 'follow' ? 'manual' : redirect,
  };
  if (text !== undefined) {
    sent.body = text;
    return new SignedText(href, sent, redirect, text);
  }
  if (bytes) sent.body = bytes;
  return { input: href, init: sent, url: href, redirect, bytes, unread: false };
}

/**
 * {@link signFetchRequest} without a `Request` when a URL and an init say everything (Node's fetch takes
 * them as they are); `undefined` when the request needs a `Request`'s own rules.
 * @internal
 */
export function signPlainFetch(
  signer: Signer,
  input: unknown,
  init: RequestInit | undefined,
): Promise<SignedFetchRequest> | undefined {
  const plain = readPlainInit(input, init);
  // A declared payload hash leaves the body unread, which the general path handles.
  if (
    plain === undefined ||
    (plain.body !== undefined && DECLARED_PAYLOAD.test(plain.headers[CONTENT_SHA256_HEADER] ?? ''))
  ) {
    return undefined;
  }
  return signPlain(signer, plain, init);
}
