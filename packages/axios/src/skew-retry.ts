import type { readClockSkew } from '@sigv4/core';
import type { AxiosAdapter, AxiosResponse, InternalAxiosRequestConfig } from 'axios';

// Loaded on the first refused answer; it imports nothing at run time, or browsers would load the shared chunk up front.

/** What {@link resendOnClockSkew} needs from the entry module. @internal */
export interface SkewContext {
  readClockSkew: typeof readClockSkew;
  correctClock: (serverTime: number) => void;
  /** Signs the config again (in place). */
  sign: (config: InternalAxiosRequestConfig) => Promise<InternalAxiosRequestConfig>;
  /** The adapter that sent the refused request. */
  send: AxiosAdapter;
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
 * When AWS refused the request because of its signing time, corrects the signer's clock from the
 * server's time, signs the config again and sends it once more; otherwise settles as the refused
 * attempt did (rejects with its `error`, or resolves its `response` that `validateStatus` accepted).
 * @internal
 */
export async function resendOnClockSkew(
  context: SkewContext,
  config: InternalAxiosRequestConfig,
  refused: { response?: AxiosResponse | undefined; error?: unknown },
): Promise<AxiosResponse> {
  const { response, error } = refused;
  const serverTime =
    response && isReplayable(config.data)
      ? context.readClockSkew(response.status, response.headers, textOf(response.data))
      : undefined;
  if (serverTime === undefined) {
    if ('error' in refused || !response) throw error;
    return response;
  }
  context.correctClock(serverTime);
  // The adapter that sent it is the one signing knows, so the new signing wraps the real adapter again.
  config.adapter = context.send;
  const signed = await context.sign(config);
  return (signed.adapter as AxiosAdapter)(signed);
}
