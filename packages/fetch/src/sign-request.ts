import { SigV4Error, STALE_SIGNING_HEADERS, toSignableHeaderValue, type Signer } from '@sigv4/core';
import { PACKAGE_NAME } from './constants.js';
import { readBody, type RequestBody } from './read-body.js';

/**
 * A signed `Request`, ready for fetch, and what following its redirects needs.
 * @internal
 */
export interface SignedRequest {
  /** The Request to send; `redirect: 'manual'` when the caller's was `'follow'`. */
  request: Request;
  /** The body that was signed (bytes can be sent again to a redirect target; a stream cannot). */
  body: RequestBody;
  /** True when the caller asked fetch to follow redirects: {@link followRedirects} does it instead. */
  follow: boolean;
}

/**
 * Builds the `Request` fetch would send for `(input, init)`, signs it and returns it with the
 * signed headers set; its body, signal, credentials, cache, mode, integrity, keepalive,
 * referrer and priority stay as fetch made them. Redirect mode `'follow'` becomes `'manual'`:
 * the runtime would re-send the signing headers (session token included) to whatever host
 * the redirect names, with a signature for the old URL; {@link followRedirects} follows instead.
 *
 * What is signed is what goes on the wire:
 * - the URL without its fragment (fetch never sends it);
 * - the method upper-cased, and sent upper-cased (fetch leaves e.g. `patch` as it is);
 * - the headers of the request (the content-type fetch derived from the body included),
 *   without stale `authorization` / `x-amz-*` headers of an earlier attempt and without a
 *   `host` header (fetch sends the URL's host), non-ASCII values
 *   as the bytes fetch sends (see {@link toSignableHeaderValue});
 * - the body bytes, which fetch then sends from the same Request.
 *
 * @throws {@link SigV4Error} from the signer (nothing is sent); `TypeError` where fetch would throw one.
 * @internal
 */
export async function signRequest(
  signer: Signer,
  input: RequestInfo | URL,
  init?: RequestInit,
): Promise<SignedRequest> {
  // From a clone of a Request input, so the caller's Request stays unused and can be sent again.
  const source = input instanceof Request && input.body !== null && init?.body == null ? input.clone() : input;
  const follow = (init?.redirect ?? (input instanceof Request ? input.redirect : 'follow')) === 'follow';
  // Sent with redirect 'manual' (see followRedirects), set in this first Request when the call is
  // a URL and a plain init: a second `new Request` pipes the body through another stream (~100 µs).
  let request = new Request(
    source,
    follow && !(input instanceof Request || init instanceof Request) ? { ...init, redirect: 'manual' } : init,
  );
  const method = request.method.toUpperCase();
  if (method !== request.method || request.redirect === 'follow') {
    // A non-empty init resets referrer and its policy to their defaults; keep the caller's.
    request = new Request(request, {
      method,
      redirect: follow ? 'manual' : request.redirect,
      referrer: request.referrer,
      referrerPolicy: request.referrerPolicy,
    });
  }
  const body = await readBody(request, init);

  // This Request is ours (built above), so its headers can be changed in place: no second copy.
  const headers = request.headers;
  for (const name of STALE_SIGNING_HEADERS) headers.delete(name);
  // fetch sends the URL's host whatever `host` header it is given (undici replaces it, browsers
  // refuse to set it): the signer signs the URL's host when none is given.
  headers.delete('host');
  const signable: Record<string, string> = {};
  // A copy of the entries: setting a header while iterating `Headers` would skip or repeat some.
  for (const [name, value] of [...headers]) {
    const { text, wire } = toSignableHeaderValue(value);
    if (wire !== value) headers.set(name, wire);
    signable[name] = text;
  }
  // request.url is serialized, so a '#' can only start the fragment.
  const hashAt = request.url.indexOf('#');
  const signed = await signer.sign({
    method,
    url: hashAt === -1 ? request.url : request.url.slice(0, hashAt),
    headers: signable,
    body: body.kind === 'bytes' ? body.bytes : body.kind === 'stream' ? body.stream : undefined,
  });
  // Only what the signer added: the others already hold their wire form (`signable` has the text).
  for (const [name, value] of Object.entries(signed.headers)) {
    if (signable[name] !== value) headers.set(name, value);
  }
  // Browsers silently drop non-safelisted headers of a `mode: 'no-cors'` request: never send it unsigned.
  if (headers.get('authorization') !== signed.headers['authorization']) {
    throw new SigV4Error(
      'INVALID_OPTIONS',
      `${PACKAGE_NAME}: this ${request.mode} request cannot carry the Authorization header (the runtime dropped it), so it was not sent. Use mode "cors" (the default) or "same-origin".`,
    );
  }
  return { request, body, follow };
}
