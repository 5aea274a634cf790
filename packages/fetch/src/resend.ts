import type { loadAdapterKit, Signer, SigV4Error } from '@sigv4/core';
import type { FETCH_FAILURES } from './fetch-failures.js';
import { normalizeRetry, type ResolvedRetryOptions, type RetryOptions } from './retry-options.js';
import type { SignedFetch } from './types.js';

// Loaded on the first refused or failed response; it imports nothing at run time, or browsers would load the shared chunk up front.

/** What {@link resend} needs from the entry module. @internal */
export interface ResendContext {
  /** Signs (or presigns) and sends once. */
  once: SignedFetch;
  retry: ResolvedRetryOptions | undefined;
  signer: Signer;
  /** Statuses AWS refuses a request signed at the wrong time with; none without the `correctClockSkew` option. */
  skewStatuses: readonly number[];
  SigV4Error: typeof SigV4Error;
  loadAdapterKit: typeof loadAdapterKit;
  /** `FETCH_FAILURES` of fetch-failures.ts. */
  failures: typeof FETCH_FAILURES;
}

/** How one attempt ended: an answer, or fetch's network error. @internal */
export type Outcome = { response: Response; error?: undefined } | { response?: undefined; error: unknown };

const isStream = (body: unknown): boolean =>
  typeof body === 'object' &&
  body !== null &&
  (typeof (body as ReadableStream).getReader === 'function' ||
    typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function');

/**
 * A `TypeError` fetch rejected with for a request it could build: the network failed and may not next time.
 * Fetch also rejects with the `TypeError` of its `Request` constructor, which is the caller's mistake.
 */
function isNetworkError(error: unknown, failures: typeof FETCH_FAILURES): boolean {
  const sent = failures.get(error as object);
  if (sent === undefined) return false;
  const [input, init] = sent;
  try {
    new Request(input instanceof Request ? input.url : input, { ...init, body: null });
    return true;
  } catch {
    return false;
  }
}

/** A stream body was sent as it was read: nothing is left to send again. */
function isReplayable(input: RequestInfo | URL, init: RequestInit | undefined): boolean {
  if (init?.body != null) return !isStream(init.body);
  return !(input instanceof Request) || !input.bodyUsed;
}

/** Seconds or an HTTP date, as `Retry-After` has it; `undefined` when absent or unreadable. */
function retryAfterMs(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

/** How long to wait before attempt `attempt` (1, 2, …), or `undefined` not to retry (ky's rules). */
function waitBefore(retry: ResolvedRetryOptions, attempt: number, response: Response | undefined): number | undefined {
  if (response && retry.afterStatusCodes.includes(response.status)) {
    const after = retryAfterMs(response);
    if (after !== undefined) return Math.min(after, retry.maxRetryAfter);
  }
  if (response?.status === 413) return undefined;
  const backoff = Math.min(retry.backoffLimit, Math.max(0, Number(retry.delay(attempt)) || 0));
  return retry.jitter ? Math.random() * backoff : backoff;
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      signal?.removeEventListener('abort', abort);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}

async function attemptOnce(context: ResendContext, input: RequestInfo | URL, init: RequestInit | undefined) {
  try {
    return { response: await context.once(input, init) } as Outcome;
  } catch (error) {
    // A signing failure or the caller's mistake would fail again.
    if (!isNetworkError(error, context.failures)) throw error;
    return { error } as Outcome;
  }
}

/**
 * Sends a refused or failed request again, signed afresh each time: once after correcting the signer's
 * clock when AWS said the signing time was off, and as `retry` allows after a network error or a
 * retryable status. Returns the last response, or throws the last network error.
 * @throws `SigV4Error` `BODY_NOT_REPLAYABLE` when a network error would be retried but the stream body was sent.
 * @internal
 */
export async function resend(
  context: ResendContext,
  input: RequestInfo | URL,
  init: RequestInit | undefined,
  first: Outcome,
): Promise<Response> {
  const { retry, signer } = context;
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
  const replayable = isReplayable(input, init);
  let outcome = first;
  let clockCorrected = false;
  for (let attempt = 1; ; ) {
    const { response, error } = outcome;
    if (response && context.skewStatuses.includes(response.status) && !clockCorrected && replayable) {
      const serverTime = await (await context.loadAdapterKit()).readResponseSkew(response);
      if (serverTime !== undefined) {
        clockCorrected = true;
        signer.correctClockSkew(serverTime);
        await response.body?.cancel();
        outcome = await attemptOnce(context, input, init);
        continue;
      }
    }
    if (!retry || attempt > retry.limit || !retry.methods.includes(method)) break;
    if (response && !retry.statusCodes.includes(response.status)) break;
    const wait = waitBefore(retry, attempt, response);
    if (wait === undefined) break;
    if (!replayable) {
      if (error === undefined) break;
      throw new context.SigV4Error(
        'BODY_NOT_REPLAYABLE',
        `@sigv4/fetch: ${method} ${input instanceof Request ? input.url : String(input)} failed and was not retried: its stream body was sent already and cannot be sent again; pass a string or bytes to retry it.`,
        { cause: error },
      );
    }
    await response?.body?.cancel();
    await sleep(wait, signal);
    attempt++;
    outcome = await attemptOnce(context, input, init);
  }
  if (outcome.response) return outcome.response;
  throw outcome.error;
}

/** Sends once; given the first answer, sends again from there. @internal */
export type Resend = (input: RequestInfo | URL, init: RequestInit | undefined, first?: Response) => Promise<Response>;

/**
 * What `createSignedFetch` runs past the first answer: with `retry`, the whole signed fetch (each
 * request sent, then again as {@link resend} decides after a network error, a retryable status or a
 * clock-skew refusal); without, {@link resend} from a clock-skew refusal given as `first`.
 * Takes what it needs from the entry module as arguments: it imports nothing at run time.
 * @param skewStatuses - {@link ResendContext.skewStatuses}
 * @param failures - {@link ResendContext.failures}
 * @throws `SigV4Error` `INVALID_OPTIONS` for a wrong `retry` option
 * @internal
 */
export function createResend(
  once: SignedFetch,
  signer: Signer,
  skewStatuses: readonly number[],
  retry: RetryOptions | number | true | undefined,
  Failure: typeof SigV4Error,
  kitLoader: typeof loadAdapterKit,
  failures: typeof FETCH_FAILURES,
): Resend {
  const context: ResendContext = {
    once,
    signer,
    skewStatuses,
    SigV4Error: Failure,
    loadAdapterKit: kitLoader,
    failures,
    retry: retry === undefined ? undefined : normalizeRetry(retry, Failure),
  };
  const statuses = context.retry?.statusCodes ?? [];
  return async (input, init, first) => {
    let response = first;
    if (!response) {
      try {
        response = await once(input, init);
      } catch (error) {
        if (isNetworkError(error, failures)) return resend(context, input, init, { error });
        throw error;
      }
    }
    const { status } = response;
    if (first || statuses.includes(status) || skewStatuses.includes(status)) {
      return resend(context, input, init, { response });
    }
    return response;
  };
}
