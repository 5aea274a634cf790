import type { AxiosHeaders, InternalAxiosRequestConfig } from 'axios';
import { CONTENT_SHA256_HEADER, CONTENT_TYPE_HEADER } from './constants.js';

type Transformer = (this: unknown, data: unknown, headers: AxiosHeaders) => unknown;

/** What a transformed body may be: a `Blob`/`File`, a `form-data` (npm) object, a spec `FormData`, anything else. */
type Body = {
  [Symbol.toStringTag]?: unknown;
  size: number;
  type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
  getHeaders?(): Record<string, string>;
  getBuffer(): Uint8Array;
} | null;

/**
 * Runs the config's `transformRequest` chain exactly as axios' `dispatchRequest` would
 * (same `this`, same live headers, so `Content-Type: application/json` lands in `headers`),
 * then turns bodies that the adapters would serialize later into the bytes they would send:
 * `Blob`/`File` into an `ArrayBuffer`, a spec `FormData` into its multipart bytes (with the
 * boundary in `Content-Type`, serialized by the platform's `Response`). Other streams stay
 * streams (the signer signs them as `UNSIGNED-PAYLOAD` when allowed). Errors thrown by the
 * caller's own transformers pass through.
 *
 * Multipart from objects (`postForm`, `Content-Type: multipart/form-data`): axios' Node default
 * `env.FormData` is the `form-data` (npm) class, a stream that cannot be hashed, so the
 * transformers get the spec `FormData` instead (a stream class is recognised by `getHeaders`;
 * any other `env.FormData` is kept). A `form-data` (npm) object the caller built is sent as
 * its `getBuffer()` bytes with its `getHeaders()`; one with a stream part stays a stream.
 * @internal
 */
export async function prepareBody(config: InternalAxiosRequestConfig, headers: AxiosHeaders): Promise<unknown> {
  let data = config.data as Body;
  const env = config.env;
  if ((env?.FormData?.prototype as { getHeaders?: unknown } | undefined)?.getHeaders) {
    config.env = { ...env, FormData };
  }
  // as in axios' transformData: every entry is called (a non-function throws there too)
  for (const fn of ([] as Transformer[]).concat((config.transformRequest as Transformer | Transformer[]) ?? [])) {
    data = fn.call(config, data, headers.normalize(false)) as Body;
  }
  headers.normalize(false);

  const tag = data?.[Symbol.toStringTag];
  // A caller who declared the payload hash is trusted with it: the Blob is sent unread, never buffered.
  if ((tag === 'Blob' || tag === 'File') && data && headers.has(CONTENT_SHA256_HEADER)) {
    if (data.size) headers.set(CONTENT_TYPE_HEADER, data.type || 'application/octet-stream', false);
    return data;
  }
  if (tag === 'Blob' || tag === 'File') {
    if (data!.size) headers.set(CONTENT_TYPE_HEADER, data!.type || 'application/octet-stream', false);
    return data!.arrayBuffer();
  }
  // a form-data (npm) object also calls itself FormData: its bytes, or (a stream part) it keeps streaming
  if (data?.getHeaders) {
    headers.set(data.getHeaders(), true);
    try {
      return data.getBuffer();
    } catch {
      // Buffer.from(stream) throws: the form stays a stream
    }
  } else if (tag === 'FormData') {
    const response = new Response(data as unknown as FormData);
    headers.set(CONTENT_TYPE_HEADER, response.headers.get(CONTENT_TYPE_HEADER), true);
    return response.arrayBuffer();
  }
  return data;
}
