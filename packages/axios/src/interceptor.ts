import {
  loadAdapterKit,
  normalizeAdapterOptions,
  resolveSigner,
  type SignerOrOptions,
  type SigV4AdapterOptions,
  SigV4Error,
} from '@sigv4/core';
import type { AxiosInstance, InternalAxiosRequestConfig } from 'axios';
import { signAxiosRequest, wrapAdapter } from './sign-axios-request.js';

/** One message for wrong arguments to either entry point: it names what each takes. */
const WRONG_ARGUMENTS =
  '@sigv4/axios: attachSigV4(instance, options) takes an axios instance, sigv4Interceptor(options) an options object.';

/**
 * Options of {@link sigv4Interceptor} and {@link attachSigV4}: `createSigner`'s options
 * (`region`, `service`, `credentials`, `credentialsTimeout`, …), or `{ signer }` to share one
 * signer (its credentials cache and clock) between clients; plus `correctClockSkew` (default `true`)
 * and `signQuery` (default `false`).
 *
 * @example
 * ```ts
 * const options: SigV4InterceptorOptions = { region: 'eu-central-1', service: 'execute-api' };
 * ```
 * @public
 */
export type SigV4InterceptorOptions = SignerOrOptions & SigV4AdapterOptions;

/**
 * Makes an axios request interceptor that signs every request with AWS SigV4 at send time,
 * over exactly the URL, headers and body axios then sends. A signing failure rejects the
 * request with a `SigV4Error`; nothing is sent unsigned. An `AxiosError` of a signed request
 * reaches the caller with the session token masked in its config and request.
 *
 * Request interceptors run in reverse order of registration: register this one first so it
 * runs last, after interceptors that still change the request.
 *
 * @param options - `createSigner` options (`region`, `service`, `credentials`, …) or `{ signer }`
 * @returns the function to pass to `instance.interceptors.request.use`
 * @throws SigV4Error `INVALID_OPTIONS` when the options are not usable
 * @example
 * ```ts
 * import axios from 'axios';
 * import { sigv4Interceptor } from '@sigv4/axios';
 *
 * const api = axios.create({ baseURL: 'https://abc123.execute-api.eu-central-1.amazonaws.com/prod' });
 * api.interceptors.request.use(sigv4Interceptor({ region: 'eu-central-1', service: 'execute-api' }));
 * const { data } = await api.get('/items', { params: { limit: 10 } });
 * ```
 * @public
 */
export function sigv4Interceptor(
  options: SigV4InterceptorOptions = {},
): (config: InternalAxiosRequestConfig) => Promise<InternalAxiosRequestConfig> {
  if (typeof options !== 'object' || options === null) {
    throw new SigV4Error('INVALID_OPTIONS', WRONG_ARGUMENTS);
  }
  const signer = resolveSigner(options);
  const { correctClockSkew, signQuery } = normalizeAdapterOptions(options);
  // A config signed again after a clock-skew refusal goes out through `plain`: it is resent once, never more.
  const plain = wrapAdapter();
  // The first attempt's answer, when refused for its signing time, is signed and sent once more; the rest loads then.
  const watching = correctClockSkew
    ? wrapAdapter(async (sent, answer) =>
        (await import('./skew-retry.js')).resendOnClockSkew(loadAdapterKit, signer, sign, sent, answer),
      )
    : plain;
  const sign = (config: InternalAxiosRequestConfig, wrapper = plain) =>
    signQuery
      ? // Loaded on first use: only clients with `signQuery` need it.
        import('./query-signer.js').then((m) =>
          m.presignAxiosRequest(config, signer, signQuery.expiresIn, signAxiosRequest, wrapper),
        )
      : signAxiosRequest(config, signer, wrapper);
  return (config) => sign(config, watching);
}

/**
 * Registers {@link sigv4Interceptor} on an axios instance and returns a function that removes it.
 *
 * @param instance - the axios instance (or `axios` itself) whose requests to sign
 * @param options - `createSigner` options or `{ signer }`
 * @returns a function that ejects the interceptor again
 * @throws SigV4Error `INVALID_OPTIONS` when `instance` is not an axios instance or the options are not usable
 * @example
 * ```ts
 * import axios from 'axios';
 * import { attachSigV4 } from '@sigv4/axios';
 *
 * const api = axios.create({ baseURL: 'https://abc123.execute-api.eu-central-1.amazonaws.com/prod' });
 * const detach = attachSigV4(api, { region: 'eu-central-1', service: 'execute-api' });
 * await api.post('/items', { name: 'x' });
 * detach(); // later requests are no longer signed
 * ```
 * @public
 */
export function attachSigV4(
  instance: Pick<AxiosInstance, 'interceptors'>,
  options?: SigV4InterceptorOptions,
): () => void {
  const interceptors = (instance as Partial<Pick<AxiosInstance, 'interceptors'>> | null | undefined)?.interceptors
    ?.request;
  if (typeof interceptors?.use !== 'function' || typeof interceptors.eject !== 'function') {
    throw new SigV4Error('INVALID_OPTIONS', WRONG_ARGUMENTS);
  }
  const id = interceptors.use(sigv4Interceptor(options));
  return () => interceptors.eject(id);
}
