import type { SignableBody, Signer } from '@sigv4/core';
import { SigV4Error, STALE_SIGNING_HEADERS, stripSigningHeaders } from '@sigv4/core';
import type { AxiosAdapter, AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { AxiosHeaders, getAdapter } from 'axios';
import { collectSignableHeaders } from './collect-headers.js';
import {
  AXIOS_DEFAULT_CONTENT_TYPE,
  CONTENT_TYPE_HEADER,
  METHODS_WITH_DEFAULT_CONTENT_TYPE,
  SIGNED_MARK,
} from './constants.js';
import { prepareBody } from './prepare-body.js';
import type { Refusal } from './refuse.js';
import { resolveRequestUrl } from './resolve-url.js';
import type { Refused } from './skew-retry.js';

/** Statuses AWS refuses a request signed at the wrong time with. */
const CLOCK_SKEW_STATUSES: readonly unknown[] = [400, 401, 403];

/**
 * What to do with an answer that may be a clock-skew refusal (`correctClockSkew`): resend it signed again.
 * @internal
 */
export type OnRefused = (sent: InternalAxiosRequestConfig, answer: Refused) => Promise<AxiosResponse>;

/** The error for a config that cannot be signed, worded by refuse.ts: loaded on the first one. */
const refuse = async (refusal: Refusal) => (await import('./refuse.js')).refuse(SigV4Error, refusal);

/** The caller's `adapter` setting behind each adapter this package wrapped, so a re-signed config finds it. */
const wrappedAdapters = new WeakMap<AxiosAdapter, InternalAxiosRequestConfig['adapter']>();

const SECURITY_TOKEN_HEADER = 'x-amz-security-token';

/** drops-host.ts's function, once a caller's Host header loaded it. */
let dropsHost: typeof import('./drops-host.js').dropsHost | undefined;

/**
 * Signs one axios request config in place and returns it. Computes the URL and body axios
 * would send, signs them, then hands axios exactly those: the absolute URL with `params`
 * folded in (`params: null`, `allowAbsoluteUrls: true`), the serialized body with an empty
 * `transformRequest`. Running it again on its own output (a retry) signs afresh: the signing
 * headers of the previous attempt are removed first (a caller's own `x-amz-content-sha256`
 * is kept on the first attempt; a caller's own `Authorization` goes to the signer, which refuses
 * it unless it is a signature an earlier signing made).
 *
 * Errors: the adapter axios would pick is wrapped so that an `AxiosError` of this request reaches
 * the caller (and axios-retry) with the session token masked wherever it holds it (config headers,
 * the Node request's header text, a fetch `Request`); what goes on the wire is unchanged. The same
 * wrapper hands an answer refused with a clock-skew status to `onRefused`, when given.
 *
 * Redirects (Node's http adapter, follow-redirects): the signature covers only the first URL, and
 * follow-redirects strips just `Authorization` on a cross-origin redirect, so the session token
 * would go to the other host. A `beforeRedirect` (run before the caller's own) removes all signing
 * headers on every redirect, same origin too: there they are invalid for the new path anyway.
 * @internal
 */
export async function signAxiosRequest(
  config: InternalAxiosRequestConfig,
  signer: Signer,
  onRefused?: OnRefused,
): Promise<InternalAxiosRequestConfig> {
  if (config.auth) throw await refuse({ auth: true });
  // axios' request() has set it, lower-case, before the interceptors run; dispatchRequest compares it as is
  const method = config.method as string;
  const url = resolveRequestUrl(config);
  if (typeof url !== 'string') throw await refuse(url);
  // axios merged headers.common and the method's defaults into one AxiosHeaders before interceptors
  const headers = AxiosHeaders.from(config.headers);
  const mark = config as unknown as Record<string, unknown>;
  const resigning = mark[SIGNED_MARK] === true;
  for (const name of STALE_SIGNING_HEADERS) {
    if (resigning || name === SECURITY_TOKEN_HEADER) headers.delete(name);
  }
  // axios' getAdapter (1.6+) picks as dispatchRequest does; one it cannot resolve here is undefined.
  const setting = (config.adapter && wrappedAdapters.get(config.adapter as AxiosAdapter)) ?? config.adapter;
  const adapter = (a: InternalAxiosRequestConfig['adapter']) => {
    try {
      return getAdapter(a, config);
    } catch {
      // An adapter this platform lacks (xhr in Node, or none at all) matches nothing here.
      return undefined;
    }
  };
  const send = adapter(setting);
  // A caller's Host is kept or dropped as the adapter does (drops-host.ts, loaded on the first one).
  if (headers.has('host')) {
    dropsHost ??= (await import('./drops-host.js')).dropsHost;
    if (dropsHost(adapter, config, send)) headers.delete('host');
  }

  const data = await prepareBody(config, headers);
  const hasBody = data !== undefined;
  // A string body goes out as UTF-8 and XHR relabels its charset `UTF-8` after signing: label it so first.
  const type = headers.get(CONTENT_TYPE_HEADER);
  const labelled = typeof data === 'string' && type ? `${type}`.replace(/(;\s*charset=)[^;]*/gi, '$1UTF-8') : type;
  if (labelled !== type) headers.set(CONTENT_TYPE_HEADER, labelled);
  if (hasBody && METHODS_WITH_DEFAULT_CONTENT_TYPE.includes(method)) {
    headers.setContentType(AXIOS_DEFAULT_CONTENT_TYPE, false);
  }
  const signable = collectSignableHeaders(headers, hasBody);

  const signed = await signer.sign({
    method: method.toUpperCase(),
    url,
    headers: signable,
    body: data as SignableBody,
  });
  for (const name in signed.headers) {
    const value = signed.headers[name] as string;
    if (!(name in signable) || (STALE_SIGNING_HEADERS.includes(name) && signable[name] !== value)) {
      headers.set(name, value, true);
    }
  }
  const token = signed.headers[SECURITY_TOKEN_HEADER];
  if (send) {
    // A refused answer rejects, or resolves where `validateStatus` accepts it.
    const wrapper: AxiosAdapter = (sent) =>
      send(sent).then(
        (response) =>
          onRefused && CLOCK_SKEW_STATUSES.includes(response.status) ? onRefused(sent, { response }) : response,
        async (error: { response?: AxiosResponse }) => {
          // Loaded when an error occurs: a page that never fails never downloads it.
          if (token !== undefined) error = (await import('./redact-error.js')).redactError(error, token);
          if (onRefused && CLOCK_SKEW_STATUSES.includes(error?.response?.status)) {
            return onRefused(sent, { response: error.response, error });
          }
          throw error;
        },
      );
    wrappedAdapters.set(wrapper, setting);
    config.adapter = wrapper;
  }

  // a re-signed config wraps its previous wrapper: stripping twice is harmless
  const beforeRedirect = config.beforeRedirect;
  config.beforeRedirect = (options, ...details) => {
    options['headers'] = stripSigningHeaders(options['headers']);
    beforeRedirect?.(options, ...details);
  };
  config.headers = headers;
  config.url = url;
  config.params = null;
  config.allowAbsoluteUrls = true;
  config.data = data;
  config.transformRequest = []; // the body is already serialized: axios sends it as it is
  mark[SIGNED_MARK] = true;
  return config;
}
