import { stripSigningHeaders, type Signer } from '@sigv4/core';
import { STREAM_DUPLEX } from './constants.js';
import { readBody } from './read-body.js';
import type { RequestInitWithDuplex } from './types.js';

/**
 * Builds the `Request` fetch would send for `(input, init)`, signs it and returns a new
 * `Request` with the signed headers and the same body; signal, credentials, redirect,
 * cache, mode, integrity, keepalive and priority carry over from the original.
 *
 * What is signed is what goes on the wire:
 * - the URL without its fragment (fetch never sends it);
 * - the method upper-cased and sent upper-cased (fetch leaves e.g. `patch` as it is);
 * - the headers of the request (content-type that fetch derived from the body included),
 *   without stale `authorization` / `x-amz-*` headers of an earlier attempt;
 * - the body bytes, which are then sent as they were hashed.
 *
 * @throws {@link SigV4Error} from the signer (nothing is sent); `TypeError` where fetch would throw one.
 * @internal
 */
export async function signRequest(
  signer: Signer,
  input: RequestInfo | URL,
  init?: RequestInit,
): Promise<Request> {
  // Built from a clone of a Request input, so the caller's Request stays unused and can be sent again.
  const source = input instanceof Request && input.body !== null && init?.body == null ? input.clone() : input;
  const request = new Request(source, init);
  const body = await readBody(request, init);
  const url = new URL(request.url);
  url.hash = '';
  const signed = await signer.sign({
    method: request.method,
    url: url.href,
    headers: stripSigningHeaders(Object.fromEntries(request.headers)),
    body: body.kind === 'bytes' ? body.bytes : body.kind === 'stream' ? body.stream : undefined,
  });

  const signedInit: RequestInitWithDuplex = {
    method: signed.method,
    headers: signed.headers,
    // A non-empty init resets these two to their defaults; keep the caller's.
    referrer: request.referrer,
    referrerPolicy: request.referrerPolicy,
  };
  if (body.kind === 'bytes') signedInit.body = body.bytes;
  // A stream stays the original request's body; fetch needs `duplex` to send it.
  if (body.kind === 'stream') signedInit.duplex = STREAM_DUPLEX;
  return new Request(request, signedInit);
}
