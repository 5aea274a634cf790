import type { AxiosHeaders, InternalAxiosRequestConfig } from 'axios';
import { SigV4Error } from '@sigv4/core';
import { CONTENT_TYPE_HEADER } from './constants.js';

type Transformer = (this: unknown, data: unknown, headers: AxiosHeaders, status?: number) => unknown;

/**
 * Runs the config's `transformRequest` chain exactly as axios' `dispatchRequest` would
 * (same `this`, same live headers, so `Content-Type: application/json` lands in `headers`),
 * then turns bodies that the adapters would serialize later into the bytes they would send:
 * `Blob`/`File` into an `ArrayBuffer`, a spec `FormData` into its multipart bytes (with the
 * boundary in `Content-Type`). Streams stay streams (signed as `UNSIGNED-PAYLOAD` if allowed).
 * Errors thrown by the caller's own transformers pass through unchanged, as in plain axios.
 * @internal
 */
export async function prepareBody(config: InternalAxiosRequestConfig, headers: AxiosHeaders): Promise<unknown> {
  let data: unknown = config.data;
  const fns = config.transformRequest as Transformer | Transformer[] | undefined | null;
  const chain = fns == null ? [] : Array.isArray(fns) ? fns : [fns];
  for (const fn of chain) {
    if (typeof fn === 'function') data = fn.call(config, data, headers.normalize(false), undefined);
  }
  headers.normalize(false);

  if (isBlob(data)) {
    if (data.size > 0) headers.set(CONTENT_TYPE_HEADER, data.type || 'application/octet-stream', false);
    return data.arrayBuffer();
  }
  if (isSpecFormData(data)) return serializeFormData(data, headers);
  if (isFormDataPackage(data)) {
    // form-data (npm) streams its parts; its boundary must be set (and signed) now.
    const formHeaders = data.getHeaders();
    for (const [name, value] of Object.entries(formHeaders)) headers.set(name, value, true);
  }
  return data;
}

async function serializeFormData(form: FormData, headers: AxiosHeaders): Promise<ArrayBuffer> {
  if (typeof Response !== 'function') {
    throw new SigV4Error(
      'UNSUPPORTED_BODY',
      'A FormData body must be serialized to be signed, and this runtime has no global Response. Send a Buffer with your own multipart encoding.',
    );
  }
  const response = new Response(form);
  const contentType = response.headers.get(CONTENT_TYPE_HEADER);
  if (contentType) headers.set(CONTENT_TYPE_HEADER, contentType, true);
  return response.arrayBuffer();
}

function isBlob(value: unknown): value is Blob {
  if (typeof value !== 'object' || value === null) return false;
  const tag = Object.prototype.toString.call(value);
  return (tag === '[object Blob]' || tag === '[object File]') && typeof (value as Blob).arrayBuffer === 'function';
}

function isSpecFormData(value: unknown): value is FormData {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === 'FormData' &&
    typeof (value as FormData).append === 'function' &&
    typeof (value as FormData)[Symbol.iterator] === 'function'
  );
}

function isFormDataPackage(value: unknown): value is { getHeaders(): Record<string, string> } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { getHeaders?: unknown }).getHeaders === 'function' &&
    typeof (value as { pipe?: unknown }).pipe === 'function'
  );
}
