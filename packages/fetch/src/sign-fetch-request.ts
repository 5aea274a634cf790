import { type Signer, SigV4Error, STALE_SIGNING_HEADERS, signFetchRequest } from '@sigv4/core';

/** Sends what `signFetchRequest` returned. @internal */
export type SendFetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

/**
 * Each `TypeError` fetch rejected with, and what fetch was given: a network error is one of these
 * (never an error of signing), for a request fetch could build (resend.ts tells).
 * @internal
 */
export const FETCH_FAILURES = new WeakMap<object, Parameters<SendFetch>>();

/** Records `error` in {@link FETCH_FAILURES} when fetch rejected `(input, init)` with a `TypeError`, and returns it. @internal */
export function recordFailure(error: unknown, input: Request | string | URL, init: RequestInit | undefined): unknown {
  if (error instanceof TypeError) FETCH_FAILURES.set(error, [input, init]);
  return error;
}

/**
 * Signs and sends `(input, init)`, following a redirect left to fetch without handing the signing headers on.
 * @throws {@link SigV4Error} from signing or a redirect that cannot be followed; fetch's `TypeError`
 * @internal
 */
export async function sendSignedFetchRequest(
  signer: Signer,
  send: SendFetch,
  input: RequestInfo | URL,
  init?: RequestInit,
): Promise<Response> {
  const signed = await signFetchRequest(signer, input, init);
  let response: Response;
  try {
    response = await send(signed.input, signed.init);
  } catch (error) {
    throw recordFailure(error, signed.input, signed.init);
  }
  const { status } = response;
  // A browser hides the redirect (opaqueredirect), and follow-redirects.js says what to do.
  if (signed.redirect !== 'follow' || (response.type !== 'opaqueredirect' && (status < 301 || status > 308))) {
    return response;
  }
  // Loaded on the first redirect only: most APIs never redirect, and browsers load less up front.
  const { followRedirects } = await import('./follow-redirects.js');
  return followRedirects(
    {
      send: (url, next) => send(url, next).catch((error: unknown) => Promise.reject(recordFailure(error, url, next))),
      sign: (url, next) => signFetchRequest(signer, url, next),
      signingHeaders: STALE_SIGNING_HEADERS,
      SigV4Error,
    },
    signed,
    response,
  );
}
