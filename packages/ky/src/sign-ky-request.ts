import { signFetchRequest, type Signer } from '@sigv4/core';
import { readHookCall } from './read-hook-call.js';

/** What ky calls to send: `options.fetch(request, nonRequestOptions)`. @internal */
export type KyFetch = (input: Request, init?: RequestInit) => Promise<Response>;

/** The body ky made a request from (its options say it, the `Request` cannot), per request. */
const kyBodies = new WeakMap<Request, unknown>();

/** The fetches this package made, so that one is never wrapped twice. */
const signedFetches = new WeakSet<KyFetch>();

const isStream = (body: unknown): boolean =>
  typeof body === 'object' &&
  body !== null &&
  (typeof (body as ReadableStream).getReader === 'function' ||
    typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function');

/**
 * A ky hook that notes the body ky made the request from: a stream is then signed unread, and
 * on the first attempt (when the request is still ky's own) a string or bytes are encoded
 * instead of read from a clone. A request it did not see is read from a clone: slower, never wrong.
 *
 * @param trusted - `true` only where no earlier hook can have replaced ky's request
 * @internal
 */
export function noteKyBody(trusted: boolean) {
  return (...args: unknown[]): void => {
    const { request, kyOptions, retryCount } = readHookCall(args);
    const body = kyOptions?.body;
    // ky 1 wraps the body for upload progress: its bytes are then read from what ky sends.
    const own = trusted && retryCount === 0 && kyOptions?.onUploadProgress === undefined;
    if (body != null && (isStream(body) || own)) kyBodies.set(request, body);
  };
}

/**
 * Signs `request` as fetch will send it and returns the signed `Request`.
 * @throws {@link SigV4Error} from the signer; other failures unchanged.
 * @internal
 */
export async function signKyRequest(signer: Signer, request: Request): Promise<Request> {
  const signed = await signFetchRequest(signer, request, undefined, { body: kyBodies.get(request) });
  return new Request(signed.input, signed.init);
}

/**
 * The `fetch` option of a signed ky instance: ky calls it for every attempt, after all of its
 * hooks ran, so each attempt is signed over what the hooks produced. ky keeps its own unsigned
 * `Request`, so the errors it hands the caller carry no signing header.
 * @internal
 */
export function createSignedKyFetch(signer: Signer, fetch: KyFetch | undefined): KyFetch {
  if (fetch !== undefined && signedFetches.has(fetch)) return fetch;
  const signedFetch: KyFetch = async (request, init) => (fetch ?? globalThis.fetch)(await signKyRequest(signer, request), init);
  signedFetches.add(signedFetch);
  return signedFetch;
}
