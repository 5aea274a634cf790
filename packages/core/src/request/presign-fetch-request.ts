import { loadAdapterKit } from '../adapter/load-adapter-kit.js';
import type { Signer } from '../types.js';

/**
 * What {@link presignFetchRequest} sends: hand `input` and `init` to fetch as they are.
 * @public
 */
export interface PresignedFetchRequest {
  /** First argument of fetch: the presigned URL. */
  readonly input: string;
  /** Second argument of fetch: method, headers (without `x-amz-*`: they are in the query), body, the caller's other members. */
  readonly init: RequestInit & { duplex?: 'half' };
}

/**
 * Presigns what `fetch(input, init)` would send (signature in the query string, no `Authorization`)
 * and returns the arguments that send it: the adapters' `signQuery` option.
 *
 * @param signer - made by `createSigner`
 * @param input - what fetch takes first: a URL or a `Request` (left unused)
 * @param init - what fetch takes second
 * @param options - `expiresIn` in seconds
 * @returns `{ input, init }` for fetch
 * @throws {@link SigV4Error} as {@link Signer.presign}
 * @example
 * ```ts
 * const sent = await presignFetchRequest(signer, 'https://abc123.execute-api.eu-central-1.amazonaws.com/prod/items', undefined, { expiresIn: 60 });
 * const response = await fetch(sent.input, sent.init);
 * ```
 * @public
 */
export async function presignFetchRequest(
  signer: Signer,
  input: RequestInfo | URL,
  init: RequestInit | undefined,
  options: { expiresIn: number },
): Promise<PresignedFetchRequest> {
  return (await loadAdapterKit()).presignFetchRequest(signer, input, init, options);
}
