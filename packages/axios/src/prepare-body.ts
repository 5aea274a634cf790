import type { AxiosHeaders, InternalAxiosRequestConfig } from 'axios';
import { useSpecFormData } from './platform/node.js';
import type { FormBody } from './read-form-body.js';

type Body = FormBody | null;

type Transformer = (this: unknown, data: unknown, headers: AxiosHeaders) => unknown;

/**
 * Runs the config's `transformRequest` chain as axios' `dispatchRequest` would (same `this`, same live headers),
 * then reads a Blob, File or form into the bytes an adapter would send (read-form-body.ts); streams stay streams.
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

  if (data && (/^(Blob|File|FormData)$/.test(data[Symbol.toStringTag] as string) || data.getHeaders)) {
    return (await import('./rare-paths.js')).readFormBody(data, headers);
  }
  return data;
}
