import type { loadAdapterKit, Signer } from '@sigv4/core';
import type { KyFetch } from './sign-ky-request.js';

// Loaded with `signQuery` only; it imports nothing at run time, or browsers would load the shared chunk up front.

/**
 * Presigns `request` and sends it with ky's `fetch` option, else with the global fetch.
 * @param load - `loadAdapterKit` of `@sigv4/core`
 * @internal
 */
export async function sendPresigned(
  load: typeof loadAdapterKit,
  signer: Signer,
  fetch: KyFetch | undefined,
  request: Request,
  init: RequestInit | undefined,
  expiresIn: number,
): Promise<Response> {
  const kit = await load();
  const presigned = await kit.presignFetchRequest(signer, request, undefined, { expiresIn });
  return kit.sendMasked(presigned.input, () =>
    fetch
      ? fetch(new Request(presigned.input, presigned.init), init)
      : globalThis.fetch(presigned.input, { ...init, ...presigned.init }),
  );
}
