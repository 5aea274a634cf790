import {
  normalizeAdapterOptions,
  type ResolvedAdapterOptions,
  resolveSigner,
  type Signer,
  SigV4Error,
} from '@sigv4/core';
import { createAdapterKyFetch } from './adapter-fetch.js';
import { type KyFetch, noteKyBody } from './sign-ky-request.js';
import type { ExtendableKy, SigV4Hook, SigV4HookOptions } from './types.js';

/** Set by the hook in `hooks.init` on ky's options, which ky copies into what later hooks see. */
const SIGNED_AT_SEND = Symbol();

const isObject = (value: unknown): value is Record<PropertyKey, unknown> => typeof value === 'object' && value !== null;

/**
 * Returns a ky 2 `init` hook that makes ky sign each attempt with AWS SigV4 when it sends it, after
 * every hook ran, as {@link withSigV4} does; elsewhere it fails (README, "Hook order").
 *
 * @param options - `createSigner` options (`region`, `service`, `credentials`, `unsignedPayload`, ...) or `{ signer }`
 * @returns the hook, for `hooks.init` of ky 2
 * @throws {@link SigV4Error} `INVALID_OPTIONS` at once when the options are invalid, and from the ky
 * call when the hook runs in `beforeRequest` or `beforeRetry` without being in `hooks.init` (always in ky 1)
 *
 * @example
 * ```ts
 * import ky from 'ky';
 * import { sigv4Hook } from '@sigv4/ky';
 *
 * const sign = sigv4Hook({ region: 'eu-central-1', service: 'execute-api' });
 * const api = ky.extend({ hooks: { init: [sign] } });
 * const items = await api.get('https://abc123.execute-api.eu-central-1.amazonaws.com/prod/items').json();
 * ```
 * @public
 */
export function sigv4Hook(options: SigV4HookOptions): SigV4Hook {
  const signer = resolveSigner(options);
  const adapter = normalizeAdapterOptions(options);
  return (...args: unknown[]): void => {
    const [first, second] = args;
    // Only `init` gets ky's options themselves: no `request` in them, and no `url` as a Request has.
    if (isObject(first) && !('request' in first) && !('url' in first)) {
      // ky 2 runs `init` with the options it is about to use, so the `fetch` set here is the one it calls.
      first.fetch = createAdapterKyFetch(signer, first.fetch as KyFetch | undefined, adapter);
      first[SIGNED_AT_SEND] = true;
      // A new `hooks` object: the one given may be the instance's own, shared by every call.
      const hooks = (first.hooks ?? {}) as { beforeRequest?: unknown[] };
      first.hooks = { ...hooks, beforeRequest: [noteKyBody(true), ...(hooks.beforeRequest ?? [])] };
      return;
    }
    // ky 1's beforeRequest passes `(request, options)`, the other hooks `{ request, options }`.
    const kyOptions = (first as { options?: unknown } | undefined)?.options ?? second;
    // A hook cannot reach what ky sends, and one that returns a Request ends ky's list: refuse rather than send unsigned.
    if (!isObject(kyOptions) || !kyOptions[SIGNED_AT_SEND]) {
      throw new SigV4Error(
        'INVALID_OPTIONS',
        "@sigv4/ky: put sigv4Hook in ky 2's hooks.init; for ky 1 use withSigV4().",
      );
    }
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
