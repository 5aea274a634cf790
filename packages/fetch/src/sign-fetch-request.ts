import { type Signer, SigV4Error, STALE_SIGNING_HEADERS, signFetchRequest } from '@sigv4/core';

/** Sends what `signFetchRequest` returned, recording the `TypeError`s fetch rejects with (fetch-failures.ts). @internal */
export type SendFetch = (input: Request | string | URL, init: RequestInit) => Promise<Response>;

/** The redirect module once loaded (a failed load is tried again): each `import()` costs again in Node. */
let redirects: typeof import('./follow-redirects.js') | undefined;

/**
 * Signs and sends `(input, init)`, following a redirect left to fetch without handing the signing headers on.
 * @throws {@link SigV4Error} from signing or a redirect that cannot be followed; fetch's `TypeError`, or one
 *   like it for a redirect answer to a `redirect: 'error'` request
 * @internal
 */
export async function sendSignedFetchRequest(
  signer: Signer,
  send: SendFetch,
  input: RequestInfo | URL,
  init?: RequestInit,
): Promise<Response> {
  const signed = await signFetchRequest(signer, input, init);
  const { redirect } = signed;
  // With 'error', fetch's refusal would look like a network error, which `retry` sends again: follow-redirects.js refuses.
  const response = await send(
    signed.input,
    redirect === 'error' ? { ...signed.init, redirect: 'manual' } : signed.init,
  );
  const { status } = response;
  // A browser hides the redirect (opaqueredirect), and follow-redirects.js says what to do.
  if (redirect === 'manual' || (response.type !== 'opaqueredirect' && (status < 301 || status > 308))) {
    return response;
  }
  // Loaded on the first redirect only: most APIs never redirect, and browsers load less up front.
  redirects ??= await import('./follow-redirects.js');
  return redirects.followRedirects(
    {
      send,
      signer,
      sign: signFetchRequest,
      signingHeaders: STALE_SIGNING_HEADERS,
      SigV4Error,
    },
    signed,
    response,
  );
}
