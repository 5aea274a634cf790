import { type Signer, SigV4Error, STALE_SIGNING_HEADERS, signFetchRequest } from '@sigv4/core';

/** Sends what `signFetchRequest` returned. @internal */
export type SendFetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

/**
 * Signs and sends `(input, init)`, following a redirect left to fetch without handing the signing headers on.
 * @throws {@link SigV4Error} from signing, or `INVALID_OPTIONS` for a redirect the runtime hides.
 * @internal
 */
export async function sendSignedFetchRequest(
  signer: Signer,
  send: SendFetch,
  input: RequestInfo | URL,
  init?: RequestInit,
): Promise<Response> {
  const signed = await signFetchRequest(signer, input, init);
  const response = await send(signed.input, signed.init);
  if (signed.redirect !== 'follow') return response;
  if (response.type === 'opaqueredirect') {
    throw new SigV4Error(
      'INVALID_OPTIONS',
      '@sigv4/fetch: a browser hides redirects, so this one was not followed; pass redirect: "manual".',
    );
  }
  if (response.status < 301 || response.status > 308) return response;
  // Loaded on the first redirect only: most APIs never redirect, and browsers load less up front.
  const { followRedirects } = await import('./follow-redirects.js');
  return followRedirects(
    { send, sign: (url, next) => signFetchRequest(signer, url, next), signingHeaders: STALE_SIGNING_HEADERS },
    signed,
    response,
  );
}
