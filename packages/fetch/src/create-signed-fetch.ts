import { SigV4Error, STALE_SIGNING_HEADERS } from '@sigv4/core';
import { PACKAGE_NAME } from './constants.js';
import { normalizeOptions } from './normalize-options.js';
import { signRequest } from './sign-request.js';
import type { SignedFetch, SignedFetchDependencies, SignedFetchOptions } from './types.js';

/**
 * Creates a `fetch` that signs every request with AWS Signature Version 4 before sending it.
 *
 * The returned function takes exactly what the global `fetch` takes and resolves to its
 * `Response`. It builds the `Request` fetch would build (so `input` and `init` merge as
 * fetch merges them), reads the body without consuming it, signs, and sends that `Request`
 * with the signed headers added. Non-2xx answers (a 403 from AWS, say) resolve
 * like any fetch answer; a signing failure rejects with a `SigV4Error` and nothing is sent.
 *
 * Redirects (`redirect: 'follow'`, the default) are followed here, not by the runtime: a
 * same-origin target is signed again, another origin gets the request without signing headers.
 *
 * Stream bodies (`ReadableStream`, async iterables) are signed with `UNSIGNED-PAYLOAD`
 * when the signer allows it (`unsignedPayload: true`), else the call rejects with
 * `SigV4Error` `UNSUPPORTED_BODY`.
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
export function createSignedFetch(
  options?: SignedFetchOptions,
  dependencies?: SignedFetchDependencies,
): SignedFetch {
  const { signer, getFetch } = normalizeOptions(options, dependencies);
  return async function signedFetch(input, init) {
    const fetch = getFetch();
    const signed = await signRequest(signer, input, init);
    const response = await fetch(signed.request);
    if (!signed.follow) return response;
    if (response.type === 'opaqueredirect') {
      throw new SigV4Error(
        'INVALID_OPTIONS',
        `${PACKAGE_NAME}: a browser hides redirects, so this one was not followed; pass redirect: "manual".`,
      );
    }
    if (response.status < 301 || response.status > 308) return response;
    // Loaded on the first redirect only: most APIs never redirect, and browsers load less up front.
    const { followRedirects } = await import('./follow-redirects.js');
    return followRedirects(
      { fetch, sign: (url, next) => signRequest(signer, url, next), signingHeaders: STALE_SIGNING_HEADERS },
      signed,
      response,
    );
  };
}
