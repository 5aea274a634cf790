import { presignFetchRequest, readClockSkew, SigV4Error } from '@sigv4/core';
import { normalizeOptions } from './normalize-options.js';
import type { Outcome, ResendContext } from './resend.js';
import type { ResolvedRetryOptions } from './retry-options.js';
import { sendSignedFetchRequest } from './sign-fetch-request.js';
import type { SignedFetch, SignedFetchDependencies, SignedFetchOptions } from './types.js';

/** Statuses AWS refuses a request signed at the wrong time with. */
const CLOCK_SKEW_STATUSES: readonly number[] = [400, 401, 403];

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
        const presigned = await presignFetchRequest(signer, input, init, query);
        return send(presigned.input, presigned.init);
      }
    : (input, init) => sendSignedFetchRequest(signer, send, input, init);
  if (!adapter.correctClockSkew && retry === undefined) return once;
  const invalid = (message: string): never => {
    throw new SigV4Error('INVALID_OPTIONS', `@sigv4/fetch: ${message}`);
  };
  // With `retry`, the retry module is fetched at once, off the request's path, and checks the options;
  // without, it loads on the first refused answer only. Browsers load less up front either way.
  const load = () => import('./resend.js');
  const rules = retry === undefined ? undefined : load().then((module) => module.normalizeRetry(retry, invalid));
  let checked: ResolvedRetryOptions | undefined;
  // A wrong `retry` option rejects the first call; the promise must not count as unhandled before that.
  rules?.then((resolved) => (checked = resolved)).catch(() => undefined);
  const context = async (): Promise<ResendContext> => ({
    once,
    retry: await rules,
    correctClock: adapter.correctClockSkew ? (serverTime) => signer.correctClockSkew(serverTime) : undefined,
    readClockSkew,
    fail: (message, cause) => new SigV4Error('BODY_NOT_REPLAYABLE', message, { cause }),
  });
  const resend = async (input: RequestInfo | URL, init: RequestInit | undefined, first: Outcome) =>
    (await load()).resend(await context(), input, init, first);
  return async (input, init) => {
    // Without `retry` nothing is awaited first: the body is read at the call, as fetch reads it.
    const retryRules = rules === undefined ? undefined : (checked ?? (await rules));
    let response: Response;
    try {
      response = await once(input, init);
    } catch (error) {
      if (retryRules && error instanceof TypeError) return resend(input, init, { error });
      throw error;
    }
    const { status } = response;
    if (
      retryRules?.statusCodes.includes(status) ||
      (adapter.correctClockSkew && CLOCK_SKEW_STATUSES.includes(status))
    ) {
      return resend(input, init, { response });
    }
    return response;
  };
}
