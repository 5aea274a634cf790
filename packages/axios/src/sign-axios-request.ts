import type { SignableBody, Signer } from '@sigv4/core';
import { CLOCK_SKEW_STATUSES, SigV4Error, STALE_SIGNING_HEADERS } from '@sigv4/core';
import type { AxiosAdapter, AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { AxiosHeaders, getAdapter } from 'axios';
import { collectSignableHeaders } from './collect-headers.js';
import {
  AXIOS_DEFAULT_CONTENT_TYPE,
  CONTENT_TYPE_HEADER,
  METHODS_WITH_DEFAULT_CONTENT_TYPE,
  SIGNED_MARK,
} from './constants.js';
import { stripSigningOnRedirect } from './platform/node.js';
import { prepareBody } from './prepare-body.js';
import type { Refusal } from './refuse.js';
import { resolveRequestUrl } from './resolve-url.js';
import type { Refused } from './skew-retry.js';

/**
 * What to do with an answer that may be a clock-skew refusal (`correctClockSkew`): resend it signed again.
 * @internal
 */
export type OnRefused = (sent: InternalAxiosRequestConfig, answer: Refused) => Promise<AxiosResponse>;

/** The adapter wrappers made by {@link wrapAdapter}. */
const wrappers = new WeakSet<AxiosAdapter>();

/**
 * An adapter that sends a signed config with the adapter axios picked (under {@link SIGNED_MARK}), so that errors
 * show the session token masked and a clock-skew refusal goes to `onRefused`; made once per interceptor.
 * @internal
 */
export function wrapAdapter(onRefused?: OnRefused): AxiosAdapter {
  const wrapper: AxiosAdapter = (sent) =>
    (sent[SIGNED_MARK as never] as AxiosAdapter)(sent).then(
      // A refused answer rejects, or resolves where `validateStatus` accepts it; what runs on failure loads then.
      (response) =>
        onRefused && CLOCK_SKEW_STATUSES.includes(response.status) ? onRefused(sent, { response }) : response,
      async (error) => (await import('./rare-paths.js')).settleFailure(error, sent, onRefused, CLOCK_SKEW_STATUSES),
    );
  wrappers.add(wrapper);
  return wrapper;
}

/** The rare-paths chunk once a request has loaded it. */
let rarePaths: typeof import('./rare-paths.js') | undefined;

/**
 * Signs one axios request config in place: computes the URL and body axios would send, signs them, then hands
 * axios exactly those (`params` folded into the URL, the body already serialized). A config signed before (a
 * retry) is signed afresh, without the previous attempt's signing headers.
 * @param wrapper - from {@link wrapAdapter}: it sends in place of the adapter axios would pick
 * @internal
 */
export async function signAxiosRequest(
  config: InternalAxiosRequestConfig,
  signer: Signer,
  wrapper: AxiosAdapter,
): Promise<InternalAxiosRequestConfig> {
  // axios' request() has set it, lower-case, before the interceptors run; dispatchRequest compares it as is
  const method = config.method as string;
  const url: string | Refusal = config.auth ? { auth: true } : resolveRequestUrl(config);
  // The error for a config that cannot be signed is worded by refuse.ts, loaded on the first one.
  if (typeof url !== 'string') throw (await import('./rare-paths.js')).refuse(SigV4Error, url);
  const headers = AxiosHeaders.from(config.headers);
  const earlier = config[SIGNED_MARK as never] as AxiosAdapter | true | undefined;
  let send = wrappers.has(config.adapter as AxiosAdapter) && earlier !== true ? earlier : undefined;
  try {
    send ??= getAdapter(config.adapter, config);
  } catch {
    // No adapter this platform has: dispatchRequest throws the same error, nothing is sent.
  }
  const data = await prepareBody(config, headers);
  const hasBody = data !== undefined;
  const type = headers.get(CONTENT_TYPE_HEADER);
  // A string body goes out as UTF-8 and XHR relabels its charset `UTF-8` after signing: label-charset.ts labels it first.
  if (typeof data === 'string' && /charset=/i.test(type as string)) {
    // Kept once loaded: `application/json; charset=utf-8` is common, and each `import()` costs a turn of its own.
    rarePaths ??= await import('./rare-paths.js');
    rarePaths.labelCharset(headers, `${type}`);
  }
  if (type === undefined && hasBody && METHODS_WITH_DEFAULT_CONTENT_TYPE.includes(method)) {
    headers.setContentType(AXIOS_DEFAULT_CONTENT_TYPE);
  }
  const signable = collectSignableHeaders(headers, hasBody, !!earlier);
  // A caller's Host is kept or dropped as the adapter does (drops-host.ts, loaded on the first one).
  if ('host' in signable) (await import('./rare-paths.js')).dropHost(getAdapter, config, send, headers, signable);

  const signed = await signer.sign({
    method: method.toUpperCase(),
    url,
    headers: signable,
    body: data as SignableBody,
  });
  for (const name in signed.headers) {
    const value = signed.headers[name] as string;
    // a header the request lacks in any case is added as it is; one it has is set through axios' case rules
    if (!(name in signable)) headers[name] = value;
    else if (STALE_SIGNING_HEADERS.includes(name) && signable[name] !== value) headers.set(name, value, true);
  }
  if (send) config.adapter = wrapper;
  stripSigningOnRedirect(config);
  config.headers = headers;
  config.url = url;
  config.params = null;
  config.allowAbsoluteUrls = true;
  config.data = data;
  config.transformRequest = []; // the body is already serialized: axios sends it as it is
  (config as unknown as Record<string, unknown>)[SIGNED_MARK] = send ?? true;
  return config;
}
