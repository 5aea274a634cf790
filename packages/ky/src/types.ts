import type { SignerOrOptions } from '@sigv4/core';

/**
 * Options of {@link sigv4Hook} and {@link withSigV4}: `createSigner`'s options, or `{ signer }`
 * to share one signer (its credentials cache and clock offset) between clients.
 *
 * @example
 * ```ts
 * const options: SigV4HookOptions = { region: 'eu-central-1', service: 'execute-api' };
 * ```
 * @public
 */
export type SigV4HookOptions = SignerOrOptions;

/**
 * A ky hook that signs the request it is given and returns the signed `Request`.
 *
 * It accepts every calling convention ky has used, so the same function fits
 * `hooks.beforeRequest` of ky 1 (`(request, options, state)`), `hooks.beforeRequest`
 * of ky 2 (`({ request, options, retryCount })`) and `hooks.beforeRetry` of both
 * (`({ request, options, error, retryCount })`). Its parameters are `unknown` on purpose:
 * that keeps it assignable to the hook types of either ky major without importing them.
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
 * The part of a ky instance {@link withSigV4} uses: `extend`, in both of its forms
 * (an options object, or a function of the parent's defaults; ky >= 1.5).
 * Every ky 1.x / 2.x instance fits; `T` is the instance type given back.
 *
 * @example
 * ```ts
 * const instance: ExtendableKy<KyInstance> = ky;
 * ```
 * @public
 */
export interface ExtendableKy<T> {
  // `never` accepts any ky's own parameter type (ky 1 and ky 2 declare it differently).
  extend(options: never): T;
}
