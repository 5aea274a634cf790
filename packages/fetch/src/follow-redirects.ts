import type { SignedFetchRequest } from '@sigv4/core';
import type { SendFetch } from './sign-fetch-request.js';

// Loaded on the first redirect; it imports nothing at run time, or browsers would load the shared chunk up front.

const REDIRECT_STATUSES: readonly number[] = [301, 302, 303, 307, 308];

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
  /** Sends, recording fetch's failures as network errors. */
  send: SendFetch;
  sign: (url: URL, init: RequestInit) => Promise<SignedFetchRequest>;
  /** `STALE_SIGNING_HEADERS` of `@sigv4/core`: never sent to another origin. */
  signingHeaders: readonly string[];
}

/**
 * Follows redirects as fetch would, signing a same-origin target again and sending another
 * origin the request without signing headers (README, "Redirects").
 * @throws `TypeError` where fetch fails; `SigV4Error` when signing again fails.
 * @internal
 */
export async function followRedirects(
  context: RedirectContext,
  signed: SignedFetchRequest,
  response: Response,
): Promise<Response> {
  let current = signed;
  for (let count = 0; ; count++) {
    const { status } = response;
    const location = REDIRECT_STATUSES.includes(status) ? response.headers.get('location') : null;
    if (location === null) return response;
    const next = new URL(location, current.url);
    const method = current.init.method ?? 'GET';
    const toGet = (status === 303 && method !== 'GET' && method !== 'HEAD') || (status < 303 && method === 'POST');
    if (count === MAX_REDIRECTS || (current.unread && !toGet)) {
      const reason =
        count === MAX_REDIRECTS
          ? 'redirect count exceeded'
          : 'its stream body was sent already and cannot be sent again; pass a string or bytes, or redirect: "manual"';
      throw new TypeError(
        `@sigv4/fetch: redirect of ${method} ${current.url} to ${next.href} not followed: ${reason}.`,
      );
    }
    // Releases the connection of a body nobody reads.
    await response.body?.cancel();
    const headers = new Headers(current.init.headers);
    for (const name of [...context.signingHeaders, ...(toGet ? REQUEST_BODY_HEADERS : [])]) headers.delete(name);
    const init: RequestInit = {
      method: toGet ? 'GET' : method,
      headers,
      body: toGet ? null : (current.bytes ?? null),
      signal: current.init.signal ?? null,
    };
    if (next.origin !== new URL(current.url).origin) return context.send(next, init);
    current = await context.sign(next, init);
    response = await context.send(current.input, current.init);
  }
}
