import type { AxiosRequestConfig, InternalAxiosRequestConfig } from 'axios';
import { Axios } from 'axios';
import type { Refusal } from './refuse.js';

/** A config-free axios, used only for `getUri`: its empty defaults add nothing. */
let uriBuilder: Axios | undefined;

/**
 * The absolute URL axios will request for this config, exactly as it goes on the wire.
 * axios' own `getUri` joins `baseURL` and `url` (honouring `allowAbsoluteUrls`) and serializes
 * `params` with the config's `paramsSerializer` (function or `{ encode, serialize }`), as the
 * adapters do; the WHATWG URL parser then normalizes it as the http adapter (`new URL`), fetch
 * and XHR all do. The fragment is dropped: it is never sent. A URL that cannot be signed gives the
 * {@link Refusal} its error is worded from (refuse.ts, loaded then).
 * @internal
 */
export function resolveRequestUrl(config: InternalAxiosRequestConfig): string | Refusal {
  const { baseURL, url, allowAbsoluteUrls, params, paramsSerializer } = config;
  let cause: unknown;
  try {
    uriBuilder ??= new Axios({});
    const href = uriBuilder.getUri({ baseURL, url, allowAbsoluteUrls, params, paramsSerializer } as AxiosRequestConfig);
    // a relative URL is resolved against the page, as XHR and fetch do; in Node it throws
    const parsed = new URL(href, (globalThis as { location?: { href: string } }).location?.href);
    // user:password@ would make axios replace the SigV4 Authorization with Basic auth
    if (/^https?:$/.test(parsed.protocol) && !parsed.username && !parsed.password) {
      parsed.hash = '';
      return parsed.href;
    }
  } catch (error) {
    cause = error;
  }
  return { url, cause };
}
