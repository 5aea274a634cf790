import {
  AUTHORIZATION_HEADER,
  CONTENT_SHA256_HEADER,
  DECLARED_PAYLOAD,
  HOST_HEADER,
  STALE_SIGNING_HEADERS,
} from '../constants.js';
import { signPlainFetch } from '../platform/node.js';
import type { Signer } from '../types.js';
import { toSignableHeaderValue } from '../utils/header-bytes.js';
import { failFetch } from './fail-fetch.js';
import { EARLIER_SIGNATURE, encodeSimpleBody } from './sign-plain-fetch.js';

/**
 * What {@link signFetchRequest} sends: hand `input` and `init` to fetch as they are.
 * @public
 */
export interface SignedFetchRequest {
  /** First argument of fetch: the URL, or a `Request` when one carries what `init` cannot. */
  readonly input: Request | string;
  /** Second argument of fetch: method, the signed headers, `redirect`, `signal` and the caller's other init members. */
  readonly init: RequestInit & { duplex?: 'half' };
  /** The URL that was signed (no fragment). */
  readonly url: string;
  /** The redirect mode the caller asked for; `'follow'` goes out as `'manual'`. */
  readonly redirect: RequestRedirect;
  /** The bytes that were signed, to send again on a redirect; `undefined` when there is no body or it went unread. */
  readonly bytes: Uint8Array<ArrayBuffer> | undefined;
  /** `true` when the request has a body the signer did not read (a stream, or a declared `x-amz-content-sha256`). */
  readonly unread: boolean;
}

/**
 * Hints for {@link signFetchRequest}.
 * @public
 */
export interface SignFetchRequestOptions {
  /**
   * What the request's body was made from, when the caller knows it (a client's own options):
   * a string, bytes or URLSearchParams is encoded instead of read from a clone, a stream is sent
   * unread, and a `Request` given as `input` is then sent itself, not a clone. It must be the
   * very body of `input`, or the signature will not match.
   * @default `init.body`
   */
  body?: unknown;
}

const isStream = (body: unknown): boolean =>
  typeof body === 'object' &&
  body !== null &&
  (typeof (body as ReadableStream).getReader === 'function' ||
    typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function');

const isHttp = (url: string): boolean => /^https?:/i.test(url);

/**
 * Signs what `fetch(input, init)` would send and returns the arguments that send exactly that,
 * with the rules of fetch as a transport (README, "Signing for fetch"); other failures reject unchanged.
 *
 * @param signer - made by `createSigner`
 * @param input - what fetch takes first: a URL or a `Request` (left unused)
 * @param init - what fetch takes second
 * @param options - {@link SignFetchRequestOptions}
 * @returns `{ input, init }` for fetch, and what was signed
 * @throws {@link SigV4Error} `INVALID_URL` for a URL that is not http(s), `INVALID_OPTIONS` for a
 *   `no-cors` request (it cannot carry `Authorization`), or the signer's error
 *
 * @example
 * ```ts
 * import { createSigner, signFetchRequest } from '@sigv4/core';
 *
 * const signer = createSigner({ region: 'eu-central-1', service: 'execute-api' });
 * const signed = await signFetchRequest(signer, 'https://abc123.execute-api.eu-central-1.amazonaws.com/prod/items', {
 *   method: 'POST',
 *   body: JSON.stringify({ name: 'x' }),
 * });
 * const response = await fetch(signed.input, signed.init);
 * ```
 * @public
 */
export async function signFetchRequest(
  signer: Signer,
  input: RequestInfo | URL,
  init?: RequestInit,
  options?: SignFetchRequestOptions,
): Promise<SignedFetchRequest> {
  const plain = signPlainFetch?.(signer, input, init);
  if (plain) return plain;
  // Otherwise by way of a `Request`, which holds what the runtime makes of `input` and `init`.
  const like = (input as { url?: unknown } | null)?.url;
  // A Request-like object (a polyfill, another realm) is checked before fetch would stringify it.
  if (!(input instanceof Request) && typeof like === 'string' && !isHttp(like)) {
    throw await failFetch('INVALID_URL', 'fetchProtocol', [like]);
  }
  const given: unknown = init?.body ?? options?.body;
  // `new Request(input, init)` would use up the body of a Request input: it gets a clone's.
  const keep = input instanceof Request && input.body !== null && init !== undefined && given == null;
  const source = keep ? input.clone() : input;
  const request = source instanceof Request && init === undefined ? source : new Request(source, init);
  const hashAt = request.url.indexOf('#');
  const url = hashAt === -1 ? request.url : request.url.slice(0, hashAt);
  if (!isHttp(url)) throw await failFetch('INVALID_URL', 'fetchProtocol', [url]);
  if (request.mode === 'no-cors') throw await failFetch('INVALID_OPTIONS', 'noCors', []);

  const headers = new Headers(request.headers);
  if (headers.get(AUTHORIZATION_HEADER)?.startsWith(EARLIER_SIGNATURE)) {
    for (const name of STALE_SIGNING_HEADERS) headers.delete(name);
  }
  headers.delete(HOST_HEADER);
  const signable: Record<string, string> = {};
  // Over a copy of the entries: setting a header while iterating `Headers` skips or repeats some.
  for (const [name, value] of [...headers]) {
    const { text, wire } = toSignableHeaderValue(value);
    signable[name] = text;
    if (wire !== value) headers.set(name, wire);
  }

  let bytes: Uint8Array<ArrayBuffer> | undefined;
  const unread =
    request.body !== null && (DECLARED_PAYLOAD.test(signable[CONTENT_SHA256_HEADER] ?? '') || isStream(given));
  if (request.body !== null && !unread) {
    bytes = encodeSimpleBody(given) ?? new Uint8Array(await request.clone().arrayBuffer());
  }
  const method = request.method.toUpperCase();
  const signed = await signer.sign({
    method,
    url,
    headers: signable,
    // A stream tells the signer to sign UNSIGNED-PAYLOAD or refuse; a declared hash is signed as declared.
    body: bytes ?? (unread && !(CONTENT_SHA256_HEADER in signable) ? request.body : undefined),
  });
  for (const name of STALE_SIGNING_HEADERS) {
    if (!(name in signed.headers)) headers.delete(name);
  }
  for (const [name, value] of Object.entries(signed.headers)) {
    if (signable[name] !== value) headers.set(name, value);
  }

  const { body: _body, headers: _headers, ...rest } = init ?? {};
  const redirect = request.redirect;
  const sent: RequestInit & { duplex?: 'half' } = {
    ...rest,
    method,
    headers,
    signal: request.signal,
    redirect: redirect === 'follow' ? 'manual' : redirect,
    // A non-empty init resets these two to their defaults; keep the request's own.
    referrer: request.referrer,
    referrerPolicy: request.referrerPolicy,
  };
  // The bytes read, sent as they are: fetch would otherwise pipe the request's body through one more stream.
  if (bytes) sent.body = bytes;
  if (unread) sent.duplex = 'half';
  // A URL and an init that say everything need no Request: only a `Request` input or an unread body does.
  const whole = !(input instanceof Request) && !unread;
  // The caller's own Request stays unused: a body sent unread goes out from a clone.
  const carrier = request === input && unread && options?.body === undefined ? input.clone() : request;
  return { input: whole ? url : carrier, init: sent, url, redirect, bytes, unread };
}
