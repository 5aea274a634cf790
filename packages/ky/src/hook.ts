import {
  loadAdapterKit,
  normalizeAdapterOptions,
  type ResolvedAdapterOptions,
  resolveSigner,
  type Signer,
  SigV4Error,
} from '@sigv4/core';
import { createAdapterKyFetch } from './adapter-fetch.js';
import { readHookCall } from './read-hook-call.js';
import { type KyFetch, noteKyBody, signKyRequest } from './sign-ky-request.js';
import type { ExtendableKy, SigV4Hook, SigV4HookOptions } from './types.js';

/**
 * Returns a ky hook that signs the request it is given with AWS SigV4; put it last in both
 * `beforeRequest` and `beforeRetry` (README, "Hook order"), or use {@link withSigV4}.
 *
 * @param options - `createSigner` options (`region`, `service`, `credentials`, `unsignedPayload`, ...) or `{ signer }`
 * @returns the hook, for `hooks.beforeRequest` and `hooks.beforeRetry`
 * @throws {@link SigV4Error} `INVALID_OPTIONS` at once when the options are invalid
 *
 * @example
 * ```ts
 * import ky from 'ky';
 * import { sigv4Hook } from '@sigv4/ky';
 *
 * const sign = sigv4Hook({ region: 'eu-central-1', service: 'execute-api' });
 * const api = ky.extend({ hooks: { beforeRequest: [sign], beforeRetry: [sign] } });
 * const items = await api.get('https://abc123.execute-api.eu-central-1.amazonaws.com/prod/items').json();
 * ```
 * @public
 */
export function sigv4Hook(options: SigV4HookOptions): SigV4Hook {
  const signer = resolveSigner(options);
  const query = normalizeAdapterOptions(options).signQuery;
  // An earlier hook may have replaced ky's request, so only a stream body is taken from ky's options.
  const note = noteKyBody(false);
  return async (...args: unknown[]): Promise<Request> => {
    note(...args);
    const { request } = readHookCall(args);
    if (!query) return signKyRequest(signer, request);
    // Loaded on first use: only hooks with `signQuery` need it.
    return (await import('./presign-ky-request.js')).presignKyRequest(loadAdapterKit, signer, request, query.expiresIn);
  };
}

/**
 * Returns a copy of a ky instance that signs every attempt with AWS SigV4 in ky's `fetch` option,
 * after every hook ran; the instance given stays as it was.
 *
 * @param ky - a ky 1.x (>= 1.7) or 2.x instance (`ky` itself, or one made by `ky.create` / `.extend`)
 * @param options - `createSigner` options (`region`, `service`, `credentials`, ...) or `{ signer }`
 * @returns a new instance of the same type
 * @throws {@link SigV4Error} `INVALID_OPTIONS` at once when an argument is invalid
 *
 * @example
 * ```ts
 * import ky from 'ky';
 * import { withSigV4 } from '@sigv4/ky';
 *
 * const api = withSigV4(ky.create({ prefix: 'https://abc123.execute-api.eu-central-1.amazonaws.com/prod' }), {
 *   region: 'eu-central-1',
 *   service: 'execute-api',
 * });
 * const items = await api.get('items', { searchParams: { limit: 10 } }).json();
 * ```
 * @public
 */
export function withSigV4<T extends ExtendableKy<T>>(ky: T, options: SigV4HookOptions): T {
  if (typeof (ky as { extend?: unknown } | null)?.extend !== 'function') {
    throw new SigV4Error(
      'INVALID_OPTIONS',
      `@sigv4/ky: withSigV4(ky, options) needs a ky instance as \`ky\` (ky itself, or one made by ky.create or .extend); got ${ky === null ? 'null' : typeof ky}${typeof ky === 'object' && ky !== null ? ' without extend()' : ''}.`,
    );
  }
  return signAll(ky, resolveSigner(options), normalizeAdapterOptions(options));
}

/** ky's call methods, which take the options of a single call as their second argument. */
const METHODS: readonly unknown[] = ['get', 'post', 'put', 'patch', 'head', 'delete'];

/** `withSigV4` for a ready signer, so that `.extend()` can reuse it. */
function signAll<T extends ExtendableKy<T>>(ky: T, signer: Signer, adapter: ResolvedAdapterOptions): T {
  let beforeRequest: readonly unknown[] = [];
  // Read the parent's beforeRequest hooks and clear them (`undefined` empties a list)...
  const cleared = ky.extend(((parent: { hooks?: { beforeRequest?: readonly unknown[] } }) => {
    beforeRequest = [...(parent.hooks?.beforeRequest ?? [])];
    return { hooks: { beforeRequest: undefined } };
  }) as never);
  // ...so that the hook noting ky's body sees ky's own request, before any hook can replace it.
  const signed = cleared.extend(((parent: { fetch?: KyFetch }) => ({
    fetch: createAdapterKyFetch(signer, parent.fetch, adapter),
    hooks: { beforeRequest: [noteKyBody(true), ...beforeRequest] },
  })) as never);
  // A `fetch` given to one call, or to `.extend()`, is wrapped too: nothing leaves unsigned.
  const callOptions = (options: unknown) => {
    const fetch = (options as { fetch?: unknown } | undefined)?.fetch;
    return typeof fetch === 'function'
      ? { ...(options as object), fetch: createAdapterKyFetch(signer, fetch as KyFetch, adapter) }
      : options;
  };
  const extend = (more: never) => signAll(ky.extend(more), signer, adapter);
  return new Proxy(signed, {
    apply: (target, self, [input, options]: unknown[]) =>
      Reflect.apply(target as never, self, [input, callOptions(options)]),
    get(target, key) {
      if (key === 'extend') return extend;
      const value: unknown = Reflect.get(target, key);
      if (!METHODS.includes(key) || typeof value !== 'function') return value;
      return (input: unknown, options: unknown) => value(input, callOptions(options));
    },
  });
}
