import type { AxiosInstance, InternalAxiosRequestConfig } from 'axios';
import { resolveSigner } from '@sigv4/core';
import { signAxiosConfig } from './sign-config.js';
import type { SigV4InterceptorOptions } from './types.js';

/**
 * Makes an axios request interceptor that signs every request with AWS SigV4 at send time,
 * over exactly the URL, headers and body axios then sends. A signing failure rejects the
 * request with a `SigV4Error`; nothing is sent unsigned.
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
  options: SigV4InterceptorOptions,
): (config: InternalAxiosRequestConfig) => Promise<InternalAxiosRequestConfig> {
  const signer = resolveSigner(options);
  return (config) => signAxiosConfig(config, signer);
}

/**
 * Registers {@link sigv4Interceptor} on an axios instance and returns a function that removes it.
 *
 * @param instance - the axios instance (or `axios` itself) whose requests to sign
 * @param options - `createSigner` options or `{ signer }`
 * @returns a function that ejects the interceptor again
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
export function attachSigV4(instance: Pick<AxiosInstance, 'interceptors'>, options: SigV4InterceptorOptions): () => void {
  const id = instance.interceptors.request.use(sigv4Interceptor(options));
  return () => instance.interceptors.request.eject(id);
}
