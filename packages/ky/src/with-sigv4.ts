import { composeHooks, type UnknownHook } from './compose-hooks.js';
import { createSignCall, type SignCall } from './sigv4-hook.js';
import type { ExtendableKy, SigV4HookOptions } from './types.js';

/** The parts of a ky instance's defaults that `withSigV4` reads. */
interface KyDefaults {
  hooks?: { beforeRequest?: readonly UnknownHook[]; beforeRetry?: readonly UnknownHook[] };
}

/**
 * Returns a copy of a ky instance that signs every request, retries included, with AWS SigV4.
 * The original instance is left as it was.
 *
 * Signing is made the last change before a request leaves: the instance's own `beforeRequest`
 * and `beforeRetry` hooks are folded into one hook per list that runs them first, in order,
 * with the semantics of the ky in use, and then signs. This also covers ky 1's rule that a
 * `beforeRequest` hook returning a `Request` ends the list: the request it returns is still signed.
 *
 * `.extend()` on the returned instance stays signed, and the hooks it adds run before signing
 * too (it extends the unsigned instance and signs the result with the same signer). Only
 * `hooks` passed to a single call run after signing: in ky 2 a change they make to the URL,
 * method, signed headers or body invalidates the signature; in ky 1 they never run. `.create()`
 * starts from scratch, unsigned.
 *
 * @param ky - a ky 1.x (>= 1.7) or 2.x instance (`ky` itself, or one made by `ky.create` / `.extend`)
 * @param options - `createSigner` options (`region`, `service`, `credentials`, ...) or `{ signer }`
 * @returns a new instance of the same type
 * @throws {@link SigV4Error} `INVALID_OPTIONS` at once when the options are invalid
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
  return signAll(ky, createSignCall(options));
}

/** `withSigV4` for a ready signing step, so that `.extend()` can reuse it (same signer). */
function signAll<T extends ExtendableKy<T>>(ky: T, signCall: SignCall): T {
  let beforeRequest: readonly UnknownHook[] = [];
  let beforeRetry: readonly UnknownHook[] = [];
  // First extend: read the parent's hooks and clear both lists (`undefined` empties a hook list).
  const cleared = ky.extend(((parent: KyDefaults) => {
    beforeRequest = [...(parent.hooks?.beforeRequest ?? [])];
    beforeRetry = [...(parent.hooks?.beforeRetry ?? [])];
    return { hooks: { beforeRequest: undefined, beforeRetry: undefined } };
  }) as never);
  // Second extend: one hook per list that runs the parent's hooks and then signs.
  const signed = cleared.extend({
    hooks: {
      beforeRequest: [composeHooks(beforeRequest, signCall, false)],
      beforeRetry: [composeHooks(beforeRetry, signCall, true)],
    },
  } as never);
  // `.extend()` of the signed instance extends the unsigned one and signs the result again, so
  // hooks added later also run before signing.
  (signed as { extend: unknown }).extend = (more: never) => signAll(ky.extend(more), signCall);
  return signed;
}
