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

const WRONG_ARGUMENTS = '@sigv4/axios: attachSigV4(instance, options) takes an axios instance and an options object.';

/**
 * Options of {@link sigv4Interceptor} and {@link attachSigV4}: `createSigner`'s options or `{ signer }`, plus
 * `correctClockSkew` (default `true`) and `signQuery` (default `false`).
 *
 * @example
 * ```ts
 * const options: SigV4InterceptorOptions = { region: 'eu-central-1', service: 'execute-api' };
 * ```
 * @public
 */
export type SigV4InterceptorOptions = SignerOrOptions & SigV4AdapterOptions;

/**
 * Makes an axios request interceptor that signs every request with AWS SigV4 over exactly the URL, headers and
 * body axios then sends; register it first, so it runs last. A signing failure rejects with a `SigV4Error`.
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
  // A config resent after a clock-skew refusal goes out through `plain`, so it is resent once, never more.
  const plain = wrapAdapter();
  const watching = correctClockSkew
    ? wrapAdapter(async (sent, answer) =>
        (await import('./rare-paths.js')).resendOnClockSkew(loadAdapterKit, signer, sign, sent, answer),
      )
    : plain;
  const sign = (config: InternalAxiosRequestConfig, wrapper = plain) =>
    signQuery
      ? import('./rare-paths.js').then((m) =>
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
