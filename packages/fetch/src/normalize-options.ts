import { resolveSigner, SigV4Error, type Signer } from '@sigv4/core';
import type { FetchLike, SignedFetchDependencies, SignedFetchOptions } from './types.js';

/** What {@link createSignedFetch} works with once its arguments were checked. @internal */
export interface ResolvedSignedFetchOptions {
  signer: Signer;
  /** The given fetch, else the global one at call time. */
  getFetch: () => FetchLike;
}

/** Checks the arguments of `createSignedFetch` and resolves the signer. @internal */
export function normalizeOptions(
  options: SignedFetchOptions = {},
  dependencies: SignedFetchDependencies = {},
): ResolvedSignedFetchOptions {
  if (typeof options !== 'object' || options === null) {
    throw new SigV4Error(
      'INVALID_OPTIONS',
      `@sigv4/fetch: createSignedFetch(options) needs an options object, e.g. { region: "eu-central-1", service: "execute-api" } or { signer }.`,
    );
  }
  if (typeof dependencies !== 'object' || dependencies === null) {
    throw new SigV4Error(
      'INVALID_OPTIONS',
      `@sigv4/fetch: the second argument of createSignedFetch must be an object such as { fetch }.`,
    );
  }
  const custom = dependencies.fetch;
  if (custom !== undefined && typeof custom !== 'function') {
    throw new SigV4Error(
      'INVALID_OPTIONS',
      `@sigv4/fetch: \`fetch\` must be a function with the signature of the global fetch; got ${typeof custom}.`,
    );
  }
  const signer = resolveSigner(options);
  // Called as a plain function (never as `dependencies.fetch(...)`): a browser's
  // `window.fetch` throws "Illegal invocation" when `this` is another object.
  const getFetch = custom ? () => custom : globalFetch;
  return { signer, getFetch };
}

function globalFetch(): FetchLike {
  const fetch = (globalThis as { fetch?: FetchLike }).fetch;
  if (typeof fetch !== 'function') {
    throw new SigV4Error(
      'INVALID_OPTIONS',
      `@sigv4/fetch: this runtime has no global fetch; pass one: createSignedFetch(options, { fetch }).`,
    );
  }
  return fetch;
}
