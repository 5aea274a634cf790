import type { InternalAxiosRequestConfig } from 'axios';
import { SigV4Error } from '@sigv4/core';
import type { SignableBody, Signer } from '@sigv4/core';
import { collectSignableHeaders, flattenHeaders } from './collect-headers.js';
import {
  AXIOS_DEFAULT_CONTENT_TYPE,
  CONTENT_SHA256_HEADER,
  METHODS_WITH_DEFAULT_CONTENT_TYPE,
  SIGNED_MARK,
  SIGNER_OWNED_HEADERS,
} from './constants.js';
import { prepareBody } from './prepare-body.js';
import { resolveRequestUrl } from './resolve-url.js';

/** The body is already serialized: axios must send it as it is. */
const sendAsIs = (data: unknown): unknown => data;

/**
 * Signs one axios request config in place and returns it. Computes the URL and body axios
 * would send, signs them, then hands axios exactly those: the absolute URL with `params`
 * folded in (`params: null`, `allowAbsoluteUrls: true`), the serialized body with an identity
 * `transformRequest`. Running it again on its own output (a retry) signs afresh.
 * @internal
 */
export async function signAxiosConfig(
  config: InternalAxiosRequestConfig,
  signer: Signer,
): Promise<InternalAxiosRequestConfig> {
  if (config.auth) {
    throw new SigV4Error(
      'INVALID_OPTIONS',
      '@sigv4/axios: config.auth (HTTP Basic) would replace the SigV4 Authorization header. Remove `auth` from the request or instance config.',
    );
  }
  const method = (config.method ?? 'get').toLowerCase();
  const url = resolveRequestUrl(config).href;
  const headers = flattenHeaders(config.headers, method);
  const mark = config as unknown as Record<string, unknown>;
  const resigning = mark[SIGNED_MARK] === true;
  for (const name of SIGNER_OWNED_HEADERS) headers.delete(name);
  if (resigning) headers.delete(CONTENT_SHA256_HEADER);

  const data = await prepareBody(config, headers);
  const hasBody = data !== undefined;
  if (hasBody && METHODS_WITH_DEFAULT_CONTENT_TYPE.has(method)) {
    headers.setContentType(AXIOS_DEFAULT_CONTENT_TYPE, false);
  }
  const signable = collectSignableHeaders(headers, hasBody, resigning);

  const signed = await signer.sign({
    method: method.toUpperCase(),
    url,
    headers: signable,
    body: data as SignableBody,
  });
  for (const [name, value] of Object.entries(signed.headers)) {
    if (!Object.prototype.hasOwnProperty.call(signable, name)) headers.set(name, String(value), true);
  }

  config.headers = headers;
  config.url = url;
  config.params = null;
  config.allowAbsoluteUrls = true;
  config.data = data;
  config.transformRequest = [sendAsIs];
  mark[SIGNED_MARK] = true;
  return config;
}
