import type { SignerOrOptions, SigV4AdapterOptions } from '@sigv4/core';

/**
 * Options of {@link sigv4Hook} and {@link withSigV4}: `createSigner`'s options or `{ signer }`, plus
 * `signQuery` (both) and `correctClockSkew` (`withSigV4`: the hook cannot send again).
 *
 * @example
 * ```ts
 * const options: SigV4HookOptions = { region: 'eu-central-1', service: 'execute-api' };
 * ```
 * @public
 */
export type SigV4HookOptions = SignerOrOptions & SigV4AdapterOptions;

/**
 * A ky hook that signs the request it is given; it fits `beforeRequest` of ky 1 and 2 and
 * `beforeRetry` of both, so its parameters are `unknown`.
 *
 * @example
 * ```ts
 * const sign: SigV4Hook = sigv4Hook({ region: 'eu-central-1', service: 'execute-api' });
 * const api = ky.extend({ hooks: { beforeRequest: [sign], beforeRetry: [sign] } });
 * ```
 * @public
 */
export type SigV4Hook = (...args: unknown[]) => Promise<Request>;

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
