import type { loadAdapterKit, Signer } from '@sigv4/core';
import type { KyFetch } from './sign-ky-request.js';

// Loaded on the first refused answer; it imports nothing at run time, or browsers would load the shared chunk up front.

/** What {@link resendOnClockSkew} needs from the entry module. @internal */
export interface SkewContext {
  loadAdapterKit: typeof loadAdapterKit;
  signer: Signer;
  /** Signs the request afresh and sends it. */
  send: () => Promise<Response>;
}

/**
 * When AWS refused the request because of its signing time, corrects the signer's clock from the
 * server's time and sends the request once more; any other answer is returned as it is.
 * @internal
 */
export async function resendOnClockSkew(context: SkewContext, response: Response): Promise<Response> {
  const serverTime = await (await context.loadAdapterKit()).readResponseSkew(response);
  if (serverTime === undefined) return response;
  context.signer.correctClockSkew(serverTime);
  await response.body?.cancel();
  return context.send();
}

const isStream = (body: unknown): boolean =>
  typeof body === 'object' &&
  body !== null &&
  (typeof (body as ReadableStream).getReader === 'function' ||
    typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function');

/**
 * The request to send again: ky's own while its body is unused, else one made anew from the body ky
 * made it from (browsers use up a Request sent with a body given beside it); `undefined` for a stream.
 * @internal
 */
export function replayableRequest(request: Request, kyBody: unknown): Request | undefined {
  if (!request.bodyUsed) return request;
  if (kyBody == null || isStream(kyBody)) return undefined;
  const {
    method,
    headers,
    signal,
    credentials,
    mode,
    cache,
    redirect,
    referrer,
    referrerPolicy,
    integrity,
    keepalive,
  } = request;
  return new Request(request.url, {
    method,
    headers,
    body: kyBody as BodyInit,
    signal,
    credentials,
    mode,
    cache,
    redirect,
    referrer,
    referrerPolicy,
    integrity,
    keepalive,
  });
}

/**
 * What the signed ky fetch does with a 400/401/403: sends `request` once more, re-signed, when AWS
 * refused it for its signing time and its body can be sent again; else returns `response`.
 * Takes what it needs from the entry module as arguments: it imports nothing at run time.
 * @param kyBody - the body ky made the request from, if known
 * @internal
 */
export function resendRefused(
  load: typeof loadAdapterKit,
  signer: Signer,
  send: KyFetch,
  request: Request,
  init: RequestInit | undefined,
  kyBody: unknown,
  response: Response,
): Promise<Response> {
  const again = replayableRequest(request, kyBody);
  if (!again) return Promise.resolve(response);
  return resendOnClockSkew({ loadAdapterKit: load, signer, send: () => send(again, init) }, response);
}
