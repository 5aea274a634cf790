import type { AxiosRequestConfig, InternalAxiosRequestConfig } from 'axios';
import { Axios } from 'axios';
import type { Refusal } from './refuse.js';

/** A config-free axios, used only for `getUri`: its empty defaults add nothing. */
const uriBuilder = /* @__PURE__ */ new Axios({});

/** axios' `buildURL` encoding of a query key or value: `:`, `$` and `,` stay, a space becomes `+`. */
const encode = (value: unknown): string =>
  encodeURIComponent(value as string)
    .replace(/%20/g, '+')
    .replace(/%(3A|24|2C)/g, decodeURIComponent);

/**
 * The query axios' default serializer makes of flat params, or `undefined` for params only axios should serialize;
 * `[` and `]` go to axios too, as their encoding changed after 1.6.
 */
function serializeFlatParams(params: object): string | undefined {
  // a plain object's own keys are what axios serializes; anything else (URLSearchParams, a class) is left to axios
  if (params.constructor !== Object) return undefined;
  let query = '';
  for (const [key, value] of Object.entries(params)) {
    if (value == null) continue;
    if (typeof value === 'object') return undefined;
    query += `${query && '&'}${encode(key.trim())}=${encode(value)}`;
  }
  return /%5[BD]/.test(query) ? undefined : query;
}

/**
 * The absolute URL axios will request for this config, as the adapters' URL parser writes it, without fragment:
 * joined by axios' own `getUri`, which also serializes params unless they are flat and the serializer the default.
 * @internal
 */
export function resolveRequestUrl(config: InternalAxiosRequestConfig): string | Refusal {
  const { baseURL, url, allowAbsoluteUrls, params, paramsSerializer } = config;
  let cause: unknown;
  try {
    const query = paramsSerializer ? undefined : params ? serializeFlatParams(params) : '';
    let href = uriBuilder.getUri({
      baseURL,
      url,
      allowAbsoluteUrls,
      ...(query === undefined && { params, paramsSerializer }),
    } as AxiosRequestConfig);
    if (query) {
      // as axios' buildURL: the fragment goes, the query is appended to any the URL has
      const [path] = href.split('#') as [string];
      href = `${path}${path.includes('?') ? '&' : '?'}${query}`;
    }
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
