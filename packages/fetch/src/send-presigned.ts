import type { loadAdapterKit, Signer } from '@sigv4/core';
import type { SendFetch } from './sign-fetch-request.js';

// Loaded on the first request of a `signQuery` fetch; it imports nothing at run time, or browsers would load the shared chunk up front.

/**
 * Presigns and sends `(input, init)`: the signature is in the URL, so fetch may follow redirects itself. With
 * `redirect: 'error'` a redirect answer is refused here (follow-redirects.js): fetch's own refusal would look like
 * a network error, which `retry` sends again.
 * @throws {@link SigV4Error} from presigning; fetch's `TypeError`, or one like it for a refused redirect
 * @internal
 */
export async function sendPresigned(
  kit: Awaited<ReturnType<typeof loadAdapterKit>>,
  signer: Signer,
  send: SendFetch,
  query: { expiresIn: number },
  input: RequestInfo | URL,
  init: RequestInit | undefined,
): Promise<Response> {
  const { input: url, init: sent } = await kit.presignFetchRequest(signer, input, init, query);
  const refuse = sent.redirect === 'error';
  const response = await kit.sendMasked(url, () => send(url, refuse ? { ...sent, redirect: 'manual' } : sent));
  const { type, status } = response;
  return refuse && (type === 'opaqueredirect' || (status > 300 && status < 309))
    ? (await import('./follow-redirects.js')).refuseRedirect(response)
    : response;
}
