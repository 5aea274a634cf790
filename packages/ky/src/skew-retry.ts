import type { loadAdapterKit, Signer } from '@sigv4/core';
import type { KyFetch } from './sign-ky-request.js';

// Loaded on the first refused answer; it imports nothing at run time, or browsers would load the shared chunk up front.

/**
 * ky's request while its body is unused, else one made anew around `body` (browsers use up the first).
 * @internal
 */
export function replayableRequest(request: Request, body: unknown): Request | undefined {
  if (!request.bodyUsed) return request;
  if (body == null) return undefined;
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
    body: body as BodyInit,
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
 * Sends a request AWS refused for its signing time once more, re-signed on the server's clock, when its body allows.
 * @param body - the body ky made the request from, when it can be sent again
 * @internal
 */
export async function resendRefused(
  load: typeof loadAdapterKit,
  signer: Signer,
  send: KyFetch,
  request: Request,
  init: RequestInit | undefined,
  body: unknown,
  response: Response,
): Promise<Response> {
  const again = replayableRequest(request, body);
  if (!again) return response;
  const serverTime = await (await load()).readResponseSkew(response);
  if (serverTime === undefined) return response;
  signer.correctClockSkew(serverTime);
  await response.body?.cancel();
  return send(again, init);
}
