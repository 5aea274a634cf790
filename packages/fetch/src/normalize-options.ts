import {
  normalizeAdapterOptions,
  type ResolvedAdapterOptions,
  resolveSigner,
  type Signer,
  SigV4Error,
} from '@sigv4/core';
import { FETCH_FAILURES } from './fetch-failures.js';
import type { RetryOptions } from './retry-options.js';
import type { SendFetch } from './sign-fetch-request.js';
import type { SignedFetchDependencies, SignedFetchOptions } from './types.js';

/** What {@link createSignedFetch} works with once its arguments were checked. @internal */
export interface ResolvedSignedFetchOptions {
  signer: Signer;
  /** Sends with the given fetch (one `Request`), else with the global one looked up at call time, recording its failures. */
  send: SendFetch;
  adapter: ResolvedAdapterOptions;
  /** The `retry` option as given (checked in full when the retry module loads); `undefined`: each request is sent once. */
  retry: RetryOptions | number | true | undefined;
}

/** The one message about wrong arguments: what they must be, and where they are documented. */
const USAGE =
  '@sigv4/fetch: createSignedFetch(options?, { fetch? }) takes an options object and a fetch function; see https://github.com/sigv4/sigv4/tree/main/packages/fetch#api';

/** Checks the arguments of `createSignedFetch` and resolves the signer. @internal */
export function normalizeOptions(
  options: SignedFetchOptions = {},
  dependencies: SignedFetchDependencies = {},
): ResolvedSignedFetchOptions {
  const custom = (dependencies as SignedFetchDependencies | null)?.fetch;
  const retry = (options as SignedFetchOptions | null)?.retry;
  if (
    typeof options !== 'object' ||
    options === null ||
    typeof dependencies !== 'object' ||
    dependencies === null ||
    (custom !== undefined && typeof custom !== 'function') ||
    (retry !== undefined && (retry === null || !/^(?:boolean|number|object)$/.test(typeof retry)))
  ) {
    throw new SigV4Error('INVALID_OPTIONS', USAGE);
  }
  const signer = resolveSigner(options);
  // Called as plain functions: a browser's `window.fetch` throws "Illegal invocation" when `this` is another object.
  const callFetch: SendFetch =
    typeof custom === 'function'
      ? (input, init) => custom(new Request(input, init))
      : (input, init) => globalFetch()(input, init);
  return {
    signer,
    // Only a `TypeError` fetch itself rejects with may be a network error to retry (resend.ts).
    send: async (input, init) => {
      try {
        return await callFetch(input, init);
      } catch (error) {
        if (error instanceof TypeError) FETCH_FAILURES.set(error, [input, init]);
        throw error;
      }
    },
    adapter: normalizeAdapterOptions(options),
    retry: retry === false || retry === 0 ? undefined : retry,
  };
}

function globalFetch(): typeof globalThis.fetch {
  const fetch = (globalThis as { fetch?: typeof globalThis.fetch }).fetch;
  if (typeof fetch !== 'function') {
    throw new SigV4Error(
      'INVALID_OPTIONS',
      '@sigv4/fetch: no global fetch here; pass one: createSignedFetch(options, { fetch }).',
    );
  }
  return fetch;
}
