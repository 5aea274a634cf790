import { type Signer, signFetchRequest } from '@sigv4/core';

/** What ky calls to send: `options.fetch(request, nonRequestOptions)`. @internal */
export type KyFetch = (input: Request, init?: RequestInit) => Promise<Response>;

/** The body ky made each request from: ky's options know it, the `Request` does not. */
const kyBodies = new WeakMap<Request, unknown>();

const isStream = (body: unknown): boolean =>
  typeof body === 'object' &&
  body !== null &&
  (typeof (body as ReadableStream).getReader === 'function' ||
    typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function');

interface HookState {
  request: Request;
  options?: { body?: unknown; onUploadProgress?: unknown };
  retryCount?: number;
}

/** A `beforeRequest` hook, first in its list, noting ky's body: a stream, or first-attempt bytes to sign. @internal */
export function noteKyBody(...args: unknown[]): void {
  const [first, second, third] = args as [HookState | Request, HookState['options'], HookState | undefined];
  // ky 1's beforeRequest passes `(request, options, state)`, ky 2's one `{ request, options, retryCount }`.
  const { request, options, retryCount } =
    'request' in first ? first : { request: first, options: second, retryCount: third?.retryCount };
  const body = options?.body;
  // ky 1 wraps the body for upload progress, so those bytes are read from what ky sends.
  if (body != null && (isStream(body) || (retryCount === 0 && options?.onUploadProgress === undefined))) {
    kyBodies.set(request, body);
  }
}

/**
 * ky's `fetch` option, signing each attempt after all hooks ran; ky's errors hold its unsigned `Request`.
 * @internal
 */
export function createSignedKyFetch(signer: Signer, fetch: KyFetch | undefined): KyFetch {
  return async (request, init) => {
    const signed = await signFetchRequest(signer, request, undefined, { body: kyBodies.get(request) });
    // A caller's fetch is handed a Request, as ky hands it one.
    return fetch
      ? fetch(new Request(signed.input, signed.init), init)
      : globalThis.fetch(signed.input, { ...init, ...signed.init });
  };
}

/** The body ky made `request` from, when a hook noted it and it can be sent again (not a stream). @internal */
export function replayBodyOf(request: Request): unknown {
  const body = kyBodies.get(request);
  return isStream(body) ? undefined : body;
}
