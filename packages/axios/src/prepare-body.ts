import type { AxiosHeaders, InternalAxiosRequestConfig } from 'axios';
import { CONTENT_TYPE_HEADER } from './constants.js';

type Transformer = (this: unknown, data: unknown, headers: AxiosHeaders) => unknown;

const tagOf = (value: unknown): unknown => (value as { [Symbol.toStringTag]?: unknown } | null)?.[Symbol.toStringTag];

/**
 * Runs the config's `transformRequest` chain exactly as axios' `dispatchRequest` would
 * (same `this`, same live headers, so `Content-Type: application/json` lands in `headers`),
 * then turns bodies that the adapters would serialize later into the bytes they would send:
 * `Blob`/`File` into an `ArrayBuffer`, a spec `FormData` into its multipart bytes (with the
 * boundary in `Content-Type`, serialized by the platform's `Response`). A `form-data` (npm)
 * stream gets its boundary header now. Other streams stay streams (the signer signs them as
 * `UNSIGNED-PAYLOAD` when allowed). Errors thrown by the caller's own transformers pass through.
 * @internal
 */
export async function prepareBody(config: InternalAxiosRequestConfig, headers: AxiosHeaders): Promise<unknown> {
  let data: unknown = config.data;
  for (const fn of ([] as unknown[]).concat(config.transformRequest ?? [])) {
    if (typeof fn === 'function') data = (fn as Transformer).call(config, data, headers.normalize(false));
  }
  headers.normalize(false);

  const tag = tagOf(data);
  if (tag === 'Blob' || tag === 'File') {
    const blob = data as Blob;
    if (blob.size) headers.set(CONTENT_TYPE_HEADER, blob.type || 'application/octet-stream', false);
    return blob.arrayBuffer();
  }
  // a form-data (npm) stream also calls itself FormData: it keeps streaming, with its boundary header
  const getHeaders = (data as { getHeaders?: unknown } | null)?.getHeaders;
  if (typeof getHeaders === 'function') headers.set(getHeaders.call(data) as Record<string, string>, true);
  else if (tag === 'FormData' && typeof Response === 'function') {
    const response = new Response(data as FormData);
    headers.set(CONTENT_TYPE_HEADER, response.headers.get(CONTENT_TYPE_HEADER), true);
    return response.arrayBuffer();
  }
  return data;
}
