import type { SignedFetchRequest } from '@sigv4/core';
import type { FetchLike } from './types.js';

// This module is loaded lazily, on the first redirect, and imports nothing at run time: a value
// shared with the entry would move into a shared chunk that browsers load up front.

/** Redirect statuses fetch follows (Fetch standard, "redirect status"). */
const REDIRECT_STATUSES: readonly number[] = [301, 302, 303, 307, 308];

/** At most this many redirects are followed, as in fetch. */
const MAX_REDIRECTS = 20;

/** Headers fetch drops when a redirect turns the request into a GET without body. */
const REQUEST_BODY_HEADERS: readonly string[] = ['content-encoding', 'content-language', 'content-location', 'content-type'];

/**
 * What {@link followRedirects} needs from the entry module (passed in, see above).
 * @internal
 */
export interface RedirectContext {
  /** The fetch that sends. */
  fetch: FetchLike;
  /** Signs a request for a same-origin target: `signFetchRequest` bound to the signer. */
  sign: (url: URL, init: RequestInit) => Promise<SignedFetchRequest>;
  /** Headers never sent to another origin: `STALE_SIGNING_HEADERS` of `@sigv4/core`. */
  signingHeaders: readonly string[];
}

/**
 * Follows the redirects of a signed request as fetch would (`redirect: 'follow'`), without
 * handing the signing headers to another host: a same-origin target (scheme, host and port) is
 * signed again for its new URL, method and body (303, and 301/302 after a POST, turn into a GET
 * without body, as in fetch); another origin gets the request without signing headers, and the
 * runtime follows the rest of the chain. Only runtimes that show redirects get here.
 *
 * @param signed - the signed request that was sent
 * @param response - its response; returned as it is unless it is a redirect with a `Location`
 * @throws `TypeError` where fetch fails (more than 20 redirects, an invalid `Location`, a body
 *   sent unread that would have to be sent again); `SigV4Error` when signing again fails.
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
    // Relative to the request's URL; an invalid one throws a TypeError, as in fetch.
    const next = new URL(location, current.url);
    const method = current.init.method ?? 'GET';
    const toGet = (status === 303 && method !== 'GET' && method !== 'HEAD') || (status < 303 && method === 'POST');
    if (count === MAX_REDIRECTS || (current.unread && !toGet)) {
      const reason = count === MAX_REDIRECTS ? 'redirect count exceeded' : 'its stream body was sent already and cannot be sent again; pass a string or bytes, or redirect: "manual"';
      throw new TypeError(`@sigv4/fetch: redirect of ${method} ${current.url} to ${next.href} not followed: ${reason}.`);
    }
    // Nobody reads the redirect's own body: release its connection.
    await response.body?.cancel();
    const headers = new Headers(current.init.headers);
    for (const name of [...context.signingHeaders, ...(toGet ? REQUEST_BODY_HEADERS : [])]) headers.delete(name);
    const init: RequestInit = {
      method: toGet ? 'GET' : method,
      headers,
      body: toGet ? null : (current.bytes ?? null),
      signal: current.init.signal ?? null,
    };
    if (next.origin !== new URL(current.url).origin) return context.fetch(new Request(next, init));
    current = await context.sign(next, init);
    response = await context.fetch(new Request(current.input, current.init));
  }
}
