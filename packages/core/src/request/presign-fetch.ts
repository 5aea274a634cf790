import type { Signer } from '../types.js';
import type { PresignedFetchRequest } from './presign-fetch-request.js';

// Loaded on first use; it imports nothing at run time, or bundlers would load the code it shares with core up front.

/**
 * Headers dropped before presigning: a signature of an earlier attempt, and what the signer sets anew.
 * Written out, not taken from `constants.ts`: constants this module imports would be loaded up front.
 */
const DROPPED_HEADERS = ['authorization', 'x-amz-date', 'x-amz-security-token', 'host'];

/** Header names that a presigned URL carries in its query instead. */
const IN_QUERY = /^x-amz-/;

const isStream = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && typeof (body as ReadableStream).getReader === 'function';

/**
 * {@link presignFetchRequest}, loaded on its first call.
 * @internal
 */
export async function presignFetchRequest(
  signer: Signer,
  input: RequestInfo | URL,
  init: RequestInit | undefined,
  options: { expiresIn: number },
): Promise<PresignedFetchRequest> {
  // `new Request(input, init)` would use up the body of a Request input: it gets a clone's.
  const source = input instanceof Request && input.body !== null && init !== undefined ? input.clone() : input;
  const request = source instanceof Request && init === undefined ? source : new Request(source, init);
  const hashAt = request.url.indexOf('#');
  const url = hashAt === -1 ? request.url : request.url.slice(0, hashAt);
  const headers = new Headers(request.headers);
  for (const name of DROPPED_HEADERS) headers.delete(name);
  const signable = Object.fromEntries(headers);
  const given: unknown = init?.body;
  const stream = request.body !== null && isStream(given);
  const bytes = request.body === null || stream ? undefined : new Uint8Array(await request.clone().arrayBuffer());
  const method = request.method.toUpperCase();
  const presigned = await signer.presign({
    method,
    url,
    headers: signable,
    body: stream ? request.body : bytes,
    expiresIn: options.expiresIn,
  });
  for (const name of Object.keys(signable)) if (IN_QUERY.test(name)) headers.delete(name);
  const { body: _body, headers: _headers, ...rest } = init ?? {};
  const sent: RequestInit & { duplex?: 'half' } = {
    ...rest,
    method,
    headers,
    signal: request.signal,
    redirect: request.redirect,
    referrer: request.referrer,
    referrerPolicy: request.referrerPolicy,
  };
  if (bytes) sent.body = bytes;
  if (stream) {
    sent.body = request.body;
    sent.duplex = 'half';
  }
  return { input: presigned, init: sent };
}
