import type { SignedFetchRequest, Signer, SigV4Error, signFetchRequest } from '@sigv4/core';
import type { SendFetch } from './sign-fetch-request.js';

// Loaded on the first redirect; it imports nothing at run time, or browsers would load the shared chunk up front.

const REDIRECT_STATUSES: readonly number[] = [301, 302, 303, 307, 308];

/** Fetch's own limit. */
const MAX_REDIRECTS = 20;

/** Headers fetch drops when a redirect turns the request into a GET without body. */
const REQUEST_BODY_HEADERS: readonly string[] = [
  'content-encoding',
  'content-language',
  'content-location',
  'content-type',
];

/** What {@link followRedirects} needs from the entry module. @internal */
export interface RedirectContext {
  send: SendFetch;
  signer: Signer;
  sign: typeof signFetchRequest;
  /** `STALE_SIGNING_HEADERS` of `@sigv4/core`: never sent to another origin. */
  signingHeaders: readonly string[];
  SigV4Error: typeof SigV4Error;
}

/**
 * What fetch does with a redirect answer to a `redirect: 'error'` request: rejects with a `TypeError`, made here so
 * that no retry takes it for a network error; another 3xx (a 304) is returned.
 * @internal
 */
export async function refuseRedirect(response: Response): Promise<Response> {
  if (response.type !== 'opaqueredirect' && !REDIRECT_STATUSES.includes(response.status)) return response;
  // Releases the connection of a body nobody reads.
  await response.body?.cancel();
  throw new TypeError(
    '@sigv4/fetch: the answer was a redirect, which redirect: "error" refuses; pass redirect: "manual" to get it.',
  );
}

/**
 * Follows redirects as fetch would, signing a same-origin target again and sending another
 * origin the request without signing headers (README, "Redirects"); refuses them for `redirect: 'error'`.
 * @throws `TypeError` after 20 redirects, as fetch does (not a network error: it is not retried);
 *   `SigV4Error` `BODY_NOT_REPLAYABLE` when a redirect needs a body that went out unread, `INVALID_OPTIONS`
 *   for a redirect a browser hides, or the signer's error
 * @internal
 */
export async function followRedirects(
  context: RedirectContext,
  signed: SignedFetchRequest,
  response: Response,
): Promise<Response> {
  if (signed.redirect === 'error') return refuseRedirect(response);
  if (response.type === 'opaqueredirect') {
    throw new context.SigV4Error(
      'INVALID_OPTIONS',
      '@sigv4/fetch: a browser hides redirects, so this one was not followed; pass redirect: "manual".',
    );
  }
  let current = signed;
  for (let count = 0; ; count++) {
    const { status } = response;
    const location = REDIRECT_STATUSES.includes(status) ? response.headers.get('location') : null;
    if (location === null) return response;
    // Releases the connection of a body nobody reads.
    await response.body?.cancel();
    const next = new URL(location, current.url);
    const method = current.init.method ?? 'GET';
    const toGet = (status === 303 && method !== 'GET' && method !== 'HEAD') || (status < 303 && method === 'POST');
    const notFollowed = `@sigv4/fetch: the ${status} redirect of ${method} ${current.url} to ${next.href} was not followed`;
    if (count === MAX_REDIRECTS) {
      // As fetch fails, so that code written for fetch handles it; no retry would end otherwise.
      throw new TypeError(
        `${notFollowed}: redirect count exceeded (${MAX_REDIRECTS}); pass redirect: "manual" to handle redirects yourself.`,
      );
    }
    if (current.unread && !toGet) {
      throw new context.SigV4Error(
        'BODY_NOT_REPLAYABLE',
        `${notFollowed}: its body went out unread (a stream, or a declared x-amz-content-sha256) and cannot be sent again; pass a string or bytes, or redirect: "manual".`,
      );
    }
    const headers = new Headers(current.init.headers);
    for (const name of [...context.signingHeaders, ...(toGet ? REQUEST_BODY_HEADERS : [])]) headers.delete(name);
    const init: RequestInit = {
      method: toGet ? 'GET' : method,
      headers,
      body: toGet ? null : (current.bytes ?? null),
      signal: current.init.signal ?? null,
    };
    if (next.origin !== new URL(current.url).origin) return context.send(next, init);
    current = await context.sign(context.signer, next, init);
    response = await context.send(current.input, current.init);
  }
}
