import { CLOCK_SKEW_STATUSES, loadAdapterKit, type ResolvedAdapterOptions, type Signer } from '@sigv4/core';
import { createSignedKyFetch, type KyFetch, replayBodyOf } from './sign-ky-request.js';

/** The presign module once loaded: with `signQuery` every request needs it, and each `import()` costs a turn. */
let presigning: typeof import('./presign-ky-request.js') | undefined;

/** The fetches made here, never wrapped twice (`.extend()` hands one back as the parent's `fetch`). */
const adapterFetches = new WeakSet<KyFetch>();

/** ky's `fetch` option with the adapter options applied (`signQuery`, `correctClockSkew`). @internal */
export function createAdapterKyFetch(
  signer: Signer,
  fetch: KyFetch | undefined,
  adapter: ResolvedAdapterOptions,
): KyFetch {
  if (fetch !== undefined && adapterFetches.has(fetch)) return fetch;
  const query = adapter.signQuery;
  const send: KyFetch = query
    ? async (request, init) => {
        // Loaded on first use: only instances with `signQuery` need it.
        presigning ??= await import('./presign-ky-request.js');
        return presigning.sendPresigned(loadAdapterKit, signer, fetch, request, init, query.expiresIn);
      }
    : createSignedKyFetch(signer, fetch);
  const made: KyFetch = adapter.correctClockSkew
    ? async (request, init) => {
        const response = await send(request, init);
        if (!CLOCK_SKEW_STATUSES.includes(response.status)) return response;
        // Loaded on the first refused answer only: browsers load less up front.
        return (await import('./skew-retry.js')).resendRefused(
          loadAdapterKit,
          signer,
          send,
          request,
          init,
          replayBodyOf(request),
          response,
        );
      }
    : send;
  adapterFetches.add(made);
  return made;
}
