import { Axios } from 'axios';
import type { AxiosRequestConfig, InternalAxiosRequestConfig } from 'axios';
import { SigV4Error } from '@sigv4/core';

/** A config-free axios, used only for `getUri`: its empty defaults add nothing. */
let uriBuilder: Axios | undefined;

const ABSOLUTE_URL = /^([a-z][a-z\d+\-.]*:)?\/\//i;
const MALFORMED_HTTP_URL = /^https?:(?!\/\/)/i;

/**
 * Joins `baseURL` and `url` the way axios' `buildFullPath` does: the base is used when
 * the url is relative, or always when `allowAbsoluteUrls` is `false`.
 * @internal
 */
export function buildFullPath(baseURL: string | undefined, url: string, allowAbsoluteUrls: boolean | undefined): string {
  const isRelative = !ABSOLUTE_URL.test(url);
  if (!baseURL || (!isRelative && allowAbsoluteUrls !== false)) return url;
  if (!url) return baseURL;
  return `${baseURL.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

/**
 * The absolute URL axios will request for this config, exactly as it goes on the wire:
 * `baseURL` + `url` (honouring `allowAbsoluteUrls`), `params` serialized by axios itself with
 * the config's `paramsSerializer` (function or `{ encode, serialize }`), then parsed and
 * re-serialized by the WHATWG URL parser, as the http adapter (`new URL`), fetch and XHR all
 * do. The fragment is dropped: it is never sent.
 * @internal
 */
export function resolveRequestUrl(config: InternalAxiosRequestConfig): URL {
  const url = typeof config.url === 'string' ? config.url : config.url == null ? '' : String(config.url);
  if (MALFORMED_HTTP_URL.test(url.trim())) {
    throw new SigV4Error('INVALID_URL', `Invalid URL "${redactQuery(url)}": missing "//" after the protocol.`);
  }
  const fullPath = buildFullPath(config.baseURL, url, config.allowAbsoluteUrls);
  let withParams: string;
  try {
    uriBuilder ??= new Axios({});
    // getUri = axios' own buildURL(params, paramsSerializer): custom encoders, `indexes`,
    // URLSearchParams and custom serialize functions behave exactly as in the adapters.
    const request: AxiosRequestConfig = { url: fullPath, params: config.params };
    if (config.paramsSerializer) request.paramsSerializer = config.paramsSerializer;
    withParams = uriBuilder.getUri(request);
  } catch (cause) {
    throw new SigV4Error(
      'INVALID_URL',
      `Cannot build the request URL from url "${redactQuery(url)}" and params: ${describe(cause)}. Check config.url and config.params.`,
      { cause },
    );
  }

  const base = ABSOLUTE_URL.test(withParams) ? undefined : browserBase();
  if (!ABSOLUTE_URL.test(withParams) && base === undefined) {
    throw new SigV4Error(
      'INVALID_URL',
      `The request URL "${redactQuery(withParams)}" is relative: set \`baseURL\` on the axios instance (e.g. "https://abc.execute-api.eu-central-1.amazonaws.com/prod") or pass an absolute url.`,
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(withParams, base);
  } catch (cause) {
    throw new SigV4Error('INVALID_URL', `"${redactQuery(withParams)}" is not a valid URL; check config.baseURL and config.url.`, {
      cause,
    });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new SigV4Error('INVALID_URL', `Only http and https URLs can be signed, got "${parsed.protocol}".`);
  }
  if (parsed.username || parsed.password) {
    throw new SigV4Error(
      'INVALID_URL',
      'The request URL contains "user:password@": axios would replace the SigV4 Authorization header with Basic auth. Remove the credentials from the URL.',
    );
  }
  parsed.hash = '';
  return parsed;
}

/** Base for relative URLs in a browser page, as axios' adapters use it. */
function browserBase(): string | undefined {
  const location = (globalThis as { location?: { href?: unknown } }).location;
  return typeof location?.href === 'string' ? location.href : undefined;
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** Query values can carry keys or personal data: messages show only that there was a query. */
function redactQuery(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : `${url.slice(0, q)}?…`;
}
