import type { AxiosHeaders, InternalAxiosRequestConfig } from 'axios';
import { useSpecFormData } from './platform/node.js';
import type { FormBody } from './read-form-body.js';

type Body = FormBody | null;

type Transformer = (this: unknown, data: unknown, headers: AxiosHeaders) => unknown;

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
 * Blobs and forms are read by read-form-body.ts, loaded on first use.
 * @internal
 */
export async function prepareBody(config: InternalAxiosRequestConfig, headers: AxiosHeaders): Promise<unknown> {
  let data = config.data as Body;
  useSpecFormData(config);
  // as in axios' transformData: every entry is called (a non-function throws there too)
  for (const fn of ([] as Transformer[]).concat((config.transformRequest as Transformer | Transformer[]) ?? [])) {
    data = fn.call(config, data, headers.normalize(false)) as Body;
  }
  headers.normalize(false);

  // Loaded on first use: most requests send text or JSON.
  if (data && (/^(Blob|File|FormData)$/.test(data[Symbol.toStringTag] as string) || data.getHeaders)) {
    return (await import('./read-form-body.js')).readFormBody(data, headers);
  }
  return data;
}
