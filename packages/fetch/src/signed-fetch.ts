import { CLOCK_SKEW_STATUSES, loadAdapterKit, SigV4Error } from '@sigv4/core';
import { FETCH_FAILURES } from './fetch-failures.js';
import { normalizeOptions } from './normalize-options.js';
import { sendSignedFetchRequest } from './sign-fetch-request.js';
import type { SignedFetch, SignedFetchDependencies, SignedFetchOptions } from './types.js';

/** The presign module once loaded: with `signQuery` every request needs it, and each `import()` costs a turn. */
let presigning: typeof import('./send-presigned.js') | undefined;

/**
 * Creates a `fetch` that signs every request with AWS Signature Version 4 before sending it.
 *
 * @param options - `createSigner` options (`region`, `service`, `credentials`, …) or `{ signer }`, plus
 *   `correctClockSkew` (default `true`), `signQuery` (default `false`) and `retry` (default: none).
 *   Default `{}`: region and service inferred from each AWS host, credentials from the default chain.
 * @param dependencies - `{ fetch }`: the fetch that sends. Default: the global `fetch`.
 * @returns a function with the signature of the global `fetch`.
 * @throws {@link SigV4Error} `INVALID_OPTIONS` when the arguments are not usable.
 *
 * @example
 * ```ts
 * import { createSignedFetch } from '@sigv4/fetch';
 *
 * const signedFetch = createSignedFetch({ region: 'eu-central-1', service: 'execute-api', retry: true });
 * const res = await signedFetch('https://abc123.execute-api.eu-central-1.amazonaws.com/dev?client=fetch');
 * console.log(await res.json());
 * ```
 * @public
 */
export function createSignedFetch(options?: SignedFetchOptions, dependencies?: SignedFetchDependencies): SignedFetch {
  const { signer, send, adapter, retry } = normalizeOptions(options, dependencies);
  const query = adapter.signQuery;
  const once: SignedFetch = query
    ? async (input, init) => {
        presigning ??= await import('./send-presigned.js');
        return presigning.sendPresigned(await loadAdapterKit(), signer, send, query, input, init);
      }
    : (input, init) => sendSignedFetchRequest(signer, send, input, init);
  const skewStatuses = adapter.correctClockSkew ? CLOCK_SKEW_STATUSES : [];
  const load = () =>
    import('./resend.js').then((module) =>
      module.createResend(once, signer, skewStatuses, retry, SigV4Error, loadAdapterKit, FETCH_FAILURES),
    );
  if (retry !== undefined) {
    // The module that sends again loads at once, off the request's path: it checks `retry` (a wrong one rejects each call).
    const retrying = load();
    retrying.catch(() => undefined);
    return async (input, init) => (await retrying)(input, init);
  }
  if (!adapter.correctClockSkew) return once;
  // The module that sends again loads on the first refused answer; nothing is awaited before `once`, so
  // the body is read at the call, as fetch reads it.
  return async (input, init) => {
    const response = await once(input, init);
    return CLOCK_SKEW_STATUSES.includes(response.status) ? (await load())(input, init, response) : response;
  };
}
