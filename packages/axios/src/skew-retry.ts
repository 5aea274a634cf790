import type { loadAdapterKit as LoadAdapterKit, Signer } from '@sigv4/core';
import type { AxiosAdapter, AxiosResponse, InternalAxiosRequestConfig } from 'axios';

// Loaded on the first refused answer; it imports nothing at run time, or browsers would load the shared chunk up front.

/** How the first attempt ended: a refused answer, as a rejection (`error`) or a response `validateStatus` accepted. @internal */
export interface Refused {
  response?: AxiosResponse | undefined;
  error?: unknown;
}

/** A body signing serialized (text, bytes, a Blob) can be sent again; a stream was used up. */
const isReplayable = (data: unknown): boolean =>
  data == null ||
  typeof data === 'string' ||
  data instanceof ArrayBuffer ||
  ArrayBuffer.isView(data) ||
  data instanceof URLSearchParams ||
  (typeof Blob !== 'undefined' && data instanceof Blob);

const textOf = (data: unknown): unknown => (data instanceof ArrayBuffer ? new TextDecoder().decode(data) : data);

/**
 * When AWS refused the request for its signing time, corrects the signer's clock, signs the config again and sends
 * it once more; otherwise settles as the refused attempt did.
 * @param sign - signs the config again (in place)
 * @internal
 */
export async function resendOnClockSkew(
  loadAdapterKit: typeof LoadAdapterKit,
  signer: Signer,
  sign: (config: InternalAxiosRequestConfig) => Promise<InternalAxiosRequestConfig>,
  config: InternalAxiosRequestConfig,
  refused: Refused,
): Promise<AxiosResponse> {
  const { response, error } = refused;
  const serverTime =
    response && isReplayable(config.data)
      ? (await loadAdapterKit()).readClockSkew(response.status, response.headers, textOf(response.data))
      : undefined;
  if (serverTime === undefined) {
    if ('error' in refused || !response) throw error;
    return response;
  }
  signer.correctClockSkew(serverTime);
  // The new signing finds the adapter behind the wrapper under the mark, and hands back a wrapper that resends no more.
  const signed = await sign(config);
  return (signed.adapter as AxiosAdapter)(signed);
}
