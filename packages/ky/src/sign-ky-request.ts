import { type Signer, signFetchRequest } from '@sigv4/core';
import { readHookCall } from './read-hook-call.js';

/** What ky calls to send: `options.fetch(request, nonRequestOptions)`. @internal */
export type KyFetch = (input: Request, init?: RequestInit) => Promise<Response>;

/** The body ky made each request from: ky's options know it, the `Request` does not. */
const kyBodies = new WeakMap<Request, unknown>();

/** The fetches made here, never wrapped twice. */
const signedFetches = new WeakSet<KyFetch>();

const isStream = (body: unknown): boolean =>
  typeof body === 'object' &&
  body !== null &&
  (typeof (body as ReadableStream).getReader === 'function' ||
    typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function');

/**
 * A ky hook that notes the body of the request from ky's options: a stream, or (`trusted`: no
 * hook ran before it, first attempt) bytes to take instead of reading a clone.
 * @internal
 */
export function noteKyBody(trusted: boolean) {
  return (...args: unknown[]): void => {
    const { request, kyOptions, retryCount } = readHookCall(args);
    const body = kyOptions?.body;
    // ky 1 wraps the body for upload progress, so the bytes are read from what ky sends.
    const own = trusted && retryCount === 0 && kyOptions?.onUploadProgress === undefined;
    if (body != null && (isStream(body) || own)) kyBodies.set(request, body);
  };
}

/**
 * Signs `request` as fetch will send it.
 * @throws {@link SigV4Error} from the signer; other failures unchanged.
 * @internal
 */
export async function signKyRequest(signer: Signer, request: Request): Promise<Request> {
  const signed = await signFetchRequest(signer, request, undefined, { body: kyBodies.get(request) });
  return new Request(signed.input, signed.init);
}

/**
 * The `fetch` option of a signed ky instance, which signs each attempt after all hooks ran;
 * ky keeps its own unsigned `Request`, so its errors carry no signing header.
 * @internal
 */
export function createSignedKyFetch(signer: Signer, fetch: KyFetch | undefined): KyFetch {
  if (fetch !== undefined && signedFetches.has(fetch)) return fetch;
  const signedFetch: KyFetch = async (request, init) => {
    if (fetch) return fetch(await signKyRequest(signer, request), init);
    // The global fetch takes the signed arguments as they are, without one more `Request`.
    const signed = await signFetchRequest(signer, request, undefined, { body: kyBodies.get(request) });
    return globalThis.fetch(signed.input, { ...init, ...signed.init });
  };
  signedFetches.add(signedFetch);
  return signedFetch;
}

/** The body ky made `request` from, when a hook noted it. @internal */
export const kyBodyOf = (request: Request): unknown => kyBodies.get(request);
