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
 * @throws {@link SigV4Error} `INVALID_OPTIONS` for invalid options, or from a call where it runs outside `hooks.init`
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
      first.fetch = createAdapterKyFetch(signer, first.fetch as KyFetch | undefined, adapter);
      first[SIGNED_AT_SEND] = true;
      // A new `hooks` object: the one given may be the instance's own, shared by every call.
      const hooks = (first.hooks ?? {}) as { beforeRequest?: unknown[] };
      first.hooks = { ...hooks, beforeRequest: [noteKyBody, ...(hooks.beforeRequest ?? [])] };
      return;
    }
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
      '@sigv4/ky: withSigV4(ky, options) needs a ky instance as `ky`: ky itself, or one made by ky.create or .extend.',
    );
  }
  return signAll(ky, resolveSigner(options), normalizeAdapterOptions(options));
}

/** ky's call methods, which take the options of a single call as their second argument. */
const METHODS: readonly unknown[] = ['get', 'post', 'put', 'patch', 'head', 'delete'];

/** What `signAll` reads of the parent instance's options. */
interface ParentOptions {
  fetch?: KyFetch;
  body?: unknown;
  json?: unknown;
  hooks?: { beforeRequest?: readonly unknown[]; init?: readonly unknown[] };
}

const hasBody = (options: { body?: unknown; json?: unknown } | undefined): boolean =>
  options?.body != null || options?.json !== undefined;

/** `withSigV4` for a ready signer, so that `.extend()` can reuse it. */
function signAll<T extends ExtendableKy<T>>(ky: T, signer: Signer, adapter: ResolvedAdapterOptions): T {
  let parent: ParentOptions = {};
  ky.extend(((options: ParentOptions) => {
    parent = options;
    return {};
  }) as never);
  const fetch = createAdapterKyFetch(signer, parent.fetch, adapter);
  // ky's hooks cost every call, so only calls that pass a body get the hook noting it, unless the instance may set one.
  const perCall = !hasBody(parent) && !parent.hooks?.beforeRequest?.length && !parent.hooks?.init?.length;
  const signed = perCall
    ? ky.extend({ fetch } as never)
    : ky
        // `undefined` empties the parent's list, to put the hook first.
        .extend({ hooks: { beforeRequest: undefined } } as never)
        .extend({ fetch, hooks: { beforeRequest: [noteKyBody, ...(parent.hooks?.beforeRequest ?? [])] } } as never);
  // A `fetch` given to one call, or to `.extend()`, is wrapped too: nothing leaves unsigned.
  const callOptions = (options: unknown) => {
    let call = options as
      | { fetch?: unknown; body?: unknown; json?: unknown; hooks?: ParentOptions['hooks'] }
      | undefined;
    if (typeof call?.fetch === 'function') {
      call = { ...call, fetch: createAdapterKyFetch(signer, call.fetch as KyFetch, adapter) };
    }
    if (perCall && call !== undefined && hasBody(call)) {
      const hooks = call.hooks ?? {};
      call = { ...call, hooks: { ...hooks, beforeRequest: [noteKyBody, ...(hooks.beforeRequest ?? [])] } };
    }
    return call;
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
