import { AMZ_DATE_HEADER, AUTHORIZATION_HEADER, HOST_HEADER, SECURITY_TOKEN_HEADER } from '../constants.js';
import type { Signer } from '../types.js';

/**
 * What {@link presignFetchRequest} sends: hand `input` and `init` to fetch as they are.
 * @public
 */
export interface PresignedFetchRequest {
  /** First argument of fetch: the presigned URL. */
  readonly input: string;
  /** Second argument of fetch: method, headers (without `x-amz-*`: they are in the query), body, the caller's other members. */
  readonly init: RequestInit & { duplex?: 'half' };
}

/** Header names that a presigned URL carries in its query instead. */
const IN_QUERY = /^x-amz-/;

const isStream = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && typeof (body as ReadableStream).getReader === 'function';

/**
 * Presigns what `fetch(input, init)` would send (signature in the query string, no `Authorization`)
 * and returns the arguments that send it: the adapters' `signQuery` option.
 *
 * @param signer - made by `createSigner`
 * @param input - what fetch takes first: a URL or a `Request` (left unused)
 * @param init - what fetch takes second
 * @param options - `expiresIn` in seconds
 * @returns `{ input, init }` for fetch
 * @throws {@link SigV4Error} as {@link Signer.presign}
 * @example
 * ```ts
 * const sent = await presignFetchRequest(signer, 'https://abc123.execute-api.eu-central-1.amazonaws.com/prod/items', undefined, { expiresIn: 60 });
 * const response = await fetch(sent.input, sent.init);
 * ```
 * @public
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
  for (const name of [AUTHORIZATION_HEADER, AMZ_DATE_HEADER, SECURITY_TOKEN_HEADER, HOST_HEADER]) headers.delete(name);
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
