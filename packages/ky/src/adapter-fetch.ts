import { presignFetchRequest, type ResolvedAdapterOptions, readClockSkew, type Signer } from '@sigv4/core';
import { createSignedKyFetch, type KyFetch, kyBodyOf } from './sign-ky-request.js';

/** Statuses AWS refuses a request signed at the wrong time with. */
const CLOCK_SKEW_STATUSES: readonly number[] = [400, 401, 403];

/** The fetches made here, never wrapped twice (`.extend()` hands one back as the parent's `fetch`). */
const adapterFetches = new WeakSet<KyFetch>();

/**
 * Presigns `request` (`signQuery`): the signature goes in the query string, no `Authorization` header.
 * @internal
 */
export async function presignKyRequest(signer: Signer, request: Request, expiresIn: number): Promise<Request> {
  const presigned = await presignFetchRequest(signer, request, undefined, { expiresIn });
  return new Request(presigned.input, presigned.init);
}

/**
 * The `fetch` option of a signed ky instance with the adapter options applied: header-signed or
 * presigned, and sent once more, re-signed, after AWS refused it for its signing time.
 * @internal
 */
export function createAdapterKyFetch(
  signer: Signer,
  fetch: KyFetch | undefined,
  adapter: ResolvedAdapterOptions,
): KyFetch {
  if (fetch !== undefined && adapterFetches.has(fetch)) return fetch;
  const query = adapter.signQuery;
  const send: KyFetch = query
    ? async (request, init) => {
        const presigned = await presignFetchRequest(signer, request, undefined, query);
        return fetch
          ? fetch(new Request(presigned.input, presigned.init), init)
          : globalThis.fetch(presigned.input, { ...init, ...presigned.init });
      }
    : createSignedKyFetch(signer, fetch);
  const made: KyFetch = adapter.correctClockSkew
    ? async (request, init) => {
        const response = await send(request, init);
        if (!CLOCK_SKEW_STATUSES.includes(response.status)) return response;
        // Loaded on the first refused answer only: browsers load less up front.
        const { resendOnClockSkew, replayableRequest } = await import('./skew-retry.js');
        const again = replayableRequest(request, kyBodyOf(request));
        if (!again) return response;
        const correctClock = (time: number) => signer.correctClockSkew(time);
        return resendOnClockSkew({ readClockSkew, correctClock, send: () => send(again, init) }, response);
      }
    : send;
  adapterFetches.add(made);
  return made;
}
