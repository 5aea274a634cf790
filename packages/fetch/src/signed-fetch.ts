import { normalizeOptions } from './normalize-options.js';
import { sendSignedFetchRequest } from './sign-fetch-request.js';
import type { SignedFetch, SignedFetchDependencies, SignedFetchOptions } from './types.js';

/**
 * Creates a `fetch` that signs every request with AWS Signature Version 4 before sending it.
 *
 * @param options - `createSigner` options (`region`, `service`, `credentials`, …) or `{ signer }`.
 *   Default `{}`: region and service inferred from each AWS host, credentials from the default chain.
 * @param dependencies - `{ fetch }`: the fetch that sends. Default: the global `fetch`.
 * @returns a function with the signature of the global `fetch`.
 * @throws {@link SigV4Error} `INVALID_OPTIONS` when the arguments are not usable.
 *
 * @example
 * ```ts
 * import { createSignedFetch } from '@sigv4/fetch';
 *
 * const signedFetch = createSignedFetch({ region: 'eu-central-1', service: 'execute-api' });
 * const res = await signedFetch('https://abc123.execute-api.eu-central-1.amazonaws.com/dev?client=fetch');
 * console.log(await res.json());
 * ```
 * @public
 */
export function createSignedFetch(options?: SignedFetchOptions, dependencies?: SignedFetchDependencies): SignedFetch {
  const { signer, send } = normalizeOptions(options, dependencies);
  return (input, init) => sendSignedFetchRequest(signer, send, input, init);
}
