import { SigV4Error, STALE_SIGNING_HEADERS, type Signer } from '@sigv4/core';
import { PACKAGE_NAME } from './constants.js';
import { toSignableHeaderValue } from './header-bytes.js';
import { readBody } from './read-body.js';

/**
 * Builds the `Request` fetch would send for `(input, init)`, signs it and returns it with the
 * signed headers set; its body, signal, credentials, redirect, cache, mode, integrity,
 * keepalive, referrer and priority stay as fetch made them.
 *
 * What is signed is what goes on the wire:
 * - the URL without its fragment (fetch never sends it);
 * - the method upper-cased, and sent upper-cased (fetch leaves e.g. `patch` as it is);
 * - the headers of the request (the content-type fetch derived from the body included),
 *   without stale `authorization` / `x-amz-*` headers of an earlier attempt, non-ASCII values
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
): Promise<Request> {
  // From a clone of a Request input, so the caller's Request stays unused and can be sent again.
  const source = input instanceof Request && input.body !== null && init?.body == null ? input.clone() : input;
  let request = new Request(source, init);
  const method = request.method.toUpperCase();
  if (method !== request.method) {
    // A non-empty init resets referrer and its policy to their defaults; keep the caller's.
    request = new Request(request, { method, referrer: request.referrer, referrerPolicy: request.referrerPolicy });
  }
  const body = await readBody(request, init);

  // This Request is ours (built above), so its headers can be changed in place: no second copy.
  const headers = request.headers;
  for (const name of STALE_SIGNING_HEADERS) headers.delete(name);
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
  return request;
}
