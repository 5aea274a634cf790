import { isSigV4Error, SigV4Error, stripSigningHeaders, type Signer } from '@sigv4/core';
import { PACKAGE_NAME, STREAM_DUPLEX } from './constants.js';
import { isStreamBody } from './utils/guards.js';

/** `RequestInit` with the `duplex` member TypeScript's DOM types do not declare yet. */
type RequestInitWithDuplex = RequestInit & { duplex?: typeof STREAM_DUPLEX };

/**
 * Signs the `Request` ky built (prefix, searchParams and json already applied) and returns a
 * new `Request` that carries the signed headers. What is signed is what goes on the wire:
 *
 * - the method and the URL without its fragment (fetch never sends it);
 * - the request's headers, minus the `authorization` / `x-amz-*` headers of an earlier attempt
 *   (ky hands retries a clone of the request it sent). Headers fetch adds later
 *   (`user-agent`, `accept-encoding`, `content-length`, `connection`, ...) are not in
 *   `request.headers`, so they are never signed; `host` is signed from the URL by the signer;
 * - the body bytes, read from `request.clone()` so the request is never consumed, and then
 *   sent as they were hashed. A stream body (`bodyHint`, ky's `options.body`, is a
 *   `ReadableStream` or async iterable) is not read: the signer signs it `UNSIGNED-PAYLOAD`
 *   when allowed, else throws `UNSUPPORTED_BODY`; the stream stays the request's body.
 *
 * Signal, credentials, redirect, cache, mode, integrity, keepalive, priority and duplex carry over.
 *
 * @throws {@link SigV4Error} from the signer, or `SIGNING_FAILED` when the body cannot be read.
 * @internal
 */
export async function signKyRequest(signer: Signer, request: Request, bodyHint: unknown): Promise<Request> {
  const url = new URL(request.url);
  url.hash = '';
  const stream = request.body !== null && isStreamBody(bodyHint);
  let bytes: Uint8Array | undefined;
  if (request.body !== null && !stream) {
    try {
      bytes = new Uint8Array(await request.clone().arrayBuffer());
    } catch (error) {
      throw new SigV4Error(
        'SIGNING_FAILED',
        `${PACKAGE_NAME}: could not read the body of ${request.method} ${url.origin}${url.pathname} to sign it; ` +
          'pass a body that can be read twice (string, bytes, Blob, FormData, URLSearchParams).',
        { cause: error },
      );
    }
  }

  const headers = stripSigningHeaders(Object.fromEntries(request.headers));
  let signed;
  try {
    signed = await signer.sign({
      method: request.method,
      url: url.href,
      headers,
      body: stream ? request.body : bytes,
    });
  } catch (error) {
    if (isSigV4Error(error)) throw error;
    throw new SigV4Error(
      'SIGNING_FAILED',
      `${PACKAGE_NAME}: signing ${request.method} ${url.origin}${url.pathname} failed; see \`cause\`.`,
      { cause: error },
    );
  }

  // Keep every header of the request (the signer may leave some out of its result), drop the
  // stale signing ones, then add what the signer returned.
  const outHeaders = new Headers(headers);
  for (const [name, value] of Object.entries(signed.headers)) outHeaders.set(name, value);

  const init: RequestInitWithDuplex = {
    method: signed.method,
    headers: outHeaders,
    // A non-empty init resets these two to their defaults; keep the request's own.
    referrer: request.referrer,
    referrerPolicy: request.referrerPolicy,
  };
  if (bytes !== undefined) init.body = bytes as Uint8Array<ArrayBuffer>;
  if (request.body !== null) init.duplex = STREAM_DUPLEX;
  return new Request(request, init);
}
