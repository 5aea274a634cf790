import type { SignerOrOptions, SigV4AdapterOptions } from '@sigv4/core';

/**
 * Options of {@link sigv4Hook} and {@link withSigV4}: `createSigner`'s options or `{ signer }`, plus
 * `signQuery` and `correctClockSkew`.
 *
 * @example
 * ```ts
 * const options: SigV4HookOptions = { region: 'eu-central-1', service: 'execute-api' };
 * ```
 * @public
 */
export type SigV4HookOptions = SignerOrOptions & SigV4AdapterOptions;

/**
 * A ky 2 `init` hook that makes ky sign each attempt as it sends it; its parameters are `unknown` so
 * that it also type-checks in other lists, where it fails (README, "Hook order").
 *
 * @example
 * ```ts
 * const sign: SigV4Hook = sigv4Hook({ region: 'eu-central-1', service: 'execute-api' });
 * const api = ky.extend({ hooks: { init: [sign] } });
 * ```
 * @public
 */
export type SigV4Hook = (...args: unknown[]) => void;

/**
 * The part of a ky 1.x / 2.x instance {@link withSigV4} uses; `T` is the instance type given back.
 *
 * @example
 * ```ts
 * const instance: ExtendableKy<KyInstance> = ky;
 * ```
 * @public
 */
export interface ExtendableKy<T> {
  // `never` accepts ky 1's and ky 2's own parameter types.
  extend(options: never): T;
}
