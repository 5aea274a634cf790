import {
  isSigV4Error,
  SigV4Error,
  STALE_SIGNING_HEADERS,
  toSignableHeaderValue,
  type SignedRequest,
  type Signer,
} from '@sigv4/core';
import { PACKAGE_NAME, STREAM_DUPLEX } from './constants.js';
import { readBody, type BodySource, type RequestBody } from './read-body.js';

/** `RequestInit` with the `duplex` member TypeScript's DOM types do not declare yet. */
type RequestInitWithDuplex = RequestInit & { duplex?: typeof STREAM_DUPLEX };

/**
 * Signs the `Request` ky built (prefix, searchParams and json already applied) and returns a
 * new `Request` that carries the signed headers. What is signed is what goes on the wire:
 *
 * - the method, and the URL without its fragment (fetch never sends it);
 * - the request's headers, minus the `authorization` / `x-amz-*` headers of an earlier attempt
 *   (ky hands retries a clone of the request it sent). A non-ASCII value (`café`) is sent as
 *   its UTF-8 bytes, the bytes signed, and read back as its text on a retry. Headers fetch adds later
 *   (`user-agent`, `accept-encoding`, `content-length`, `connection`, ...) are not in
 *   `request.headers`, so they are never signed; a caller's `host` header is dropped (fetch sends
 *   the URL's host) and the signer signs the URL's host;
 * - the body bytes (see {@link readBody}), which then become the new request's body, so what
 *   was hashed is what is sent. A stream stays the request's body, unread.
 *
 * Signal, credentials, cache, mode, integrity, keepalive, priority, referrer and duplex carry
 * over from `request`; the redirect mode becomes `'manual'`, so fetch never sends the signing
 * headers on to another host.
 *
 * @throws {@link SigV4Error} from the signer, or `SIGNING_FAILED` when the body cannot be read or the signer failed otherwise.
 * @internal
 */
export async function signKyRequest(signer: Signer, request: Request, source: BodySource): Promise<Request> {
  const url = request.url.split('#')[0] as string;
  // What the signer hashes (`headers`) and what goes on the wire (`sent`): a non-ASCII value is
  // sent as its UTF-8 bytes, which is what the signer hashes (see `toSignableHeaderValue`).
  const headers: Record<string, string> = {};
  const sent: Record<string, string> = {};
  for (const [name, value] of request.headers) {
    // fetch sends the URL's host whatever `host` header it is given (undici replaces it, browsers
    // refuse to set it): the signer signs the URL's host when none is given.
    if (name !== 'host' && !STALE_SIGNING_HEADERS.includes(name)) ({ text: headers[name], wire: sent[name] } = toSignableHeaderValue(value));
  }

  let body: RequestBody;
  let signed: SignedRequest;
  try {
    body = await readBody(request, source);
    signed = await signer.sign({
      method: request.method,
      url,
      headers,
      body: body.kind === 'bytes' ? body.bytes : body.kind === 'stream' ? body.stream : undefined,
    });
  } catch (error) {
    if (isSigV4Error(error)) throw error;
    throw new SigV4Error(
      'SIGNING_FAILED',
      `${PACKAGE_NAME}: could not sign ${request.method} ${url.split('?')[0]} (see \`cause\`); pass a body that can be read twice.`,
      { cause: error },
    );
  }

  const init: RequestInitWithDuplex = {
    method: signed.method,
    // What the signer added, and every header of the request as its bytes go on the wire.
    headers: { ...signed.headers, ...sent },
    // A non-empty init resets these two to their defaults; keep the request's own.
    referrer: request.referrer,
    referrerPolicy: request.referrerPolicy,
    // Never let fetch follow a redirect: it would send the signature (made for this URL) and
    // `x-amz-security-token` / `x-amz-date` on to whatever host `Location` names (fetch strips
    // only `authorization`). The 3xx reaches ky instead (`opaqueredirect`, status 0, in browsers).
    redirect: 'manual',
  };
  if (body.kind === 'bytes') init.body = body.bytes as Uint8Array<ArrayBuffer>;
  if (body.kind !== 'none') init.duplex = STREAM_DUPLEX;
  return new Request(request, init);
}
