import type { AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import type { OnRefused } from './sign-axios-request.js';

/** What a masked session token reads as. */
const MASK = '[redacted]';

/** Objects visited at most: an error's graph (request, socket, agent) is finite but can be wide. */
const MAX_VISITED = 20_000;

/** Whether an object still holds bytes to send (a live request, stream or dispatcher): masking would change them. */
function isStillSending(value: object): boolean {
  const state = value as {
    _headerSent?: unknown;
    outputData?: unknown;
    _writableState?: { length?: unknown; buffered?: unknown };
    dispatch?: unknown;
    destroyed?: unknown;
  };
  if (typeof state.dispatch === 'function') return true;
  // A destroyed request or socket sends nothing more.
  if (state.destroyed === true) return false;
  if (state._headerSent === false) return true;
  if (Array.isArray(state.outputData) && state.outputData.length > 0) return true;
  const writable = state._writableState;
  return (
    typeof writable === 'object' &&
    writable !== null &&
    ((writable.length as number) > 0 || (Array.isArray(writable.buffered) && writable.buffered.length > 0))
  );
}

/**
 * Masks `secret`, in place, in every string reachable from `error` through own data properties, array items and
 * `Headers` (what `util.inspect`, `JSON.stringify` and `toJSON` can show); getters are not called.
 * @internal
 */
export function redactError<T>(error: T, secret: string): T {
  if (secret === '') return error;
  const visited = new Set<object>();
  const pending: unknown[] = [error];
  while (pending.length > 0 && visited.size < MAX_VISITED) {
    const value = pending.pop();
    // Bytes are skipped (inspect shows them as hex, never as text); functions are not data.
    if (
      typeof value !== 'object' ||
      value === null ||
      visited.has(value) ||
      ArrayBuffer.isView(value) ||
      value instanceof ArrayBuffer
    )
      continue;
    visited.add(value);
    if (isStillSending(value)) continue;
    if (typeof Headers !== 'undefined' && value instanceof Headers) {
      for (const [name, text] of [...value]) {
        if (text.includes(secret)) {
          try {
            value.set(name, text.split(secret).join(MASK));
          } catch {
            // Immutable headers (a Response's) cannot be masked; they never hold what was sent.
          }
        }
      }
      continue;
    }
    // A fetch Request keeps its headers behind a getter.
    if (typeof Request !== 'undefined' && value instanceof Request) pending.push(value.headers);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (!descriptor || !('value' in descriptor)) continue;
      const item: unknown = descriptor.value;
      if (typeof item === 'string') {
        if (descriptor.writable && item.includes(secret))
          (value as Record<PropertyKey, unknown>)[key] = item.split(secret).join(MASK);
      } else {
        pending.push(item);
      }
    }
    if (value instanceof Map) for (const entry of value) pending.push(entry);
    else if (value instanceof Set) for (const entry of value) pending.push(entry);
  }
  return error;
}

/** A fetch `Request` keeps its URL in internal state: one whose URL holds the token is replaced by a masked copy. */
function maskRequest(holder: { request?: unknown } | null | undefined, token: string): void {
  const request = holder?.request;
  if (typeof Request === 'undefined' || !(request instanceof Request) || !request.url.includes(token)) return;
  (holder as { request: Request }).request = new Request(request.url.split(token).join('%5Bredacted%5D'), {
    method: request.method,
    headers: request.headers,
  });
}

/**
 * Masks the session token a signed config carried, in its `X-Amz-Security-Token` header or (`signQuery`) its
 * URL, raw and percent-decoded, wherever `error` holds it; see {@link redactError}.
 * @internal
 */
export function redactSentToken<T>(error: T, sent: { headers?: unknown; url?: string | undefined }): T {
  const header = (sent.headers as { get?(name: string): unknown } | undefined)?.get?.('x-amz-security-token');
  const inUrl = /[?&]X-Amz-Security-Token=([^&]*)/.exec(sent.url ?? '')?.[1];
  if (typeof header === 'string') redactError(error, header);
  if (inUrl) {
    redactError(redactError(error, inUrl), decodeURIComponent(inUrl));
    const masked = error as { request?: unknown; response?: { request?: unknown } } | null;
    maskRequest(masked, inUrl);
    maskRequest(masked?.response, inUrl);
  }
  return error;
}

/**
 * How the adapter wrapper settles a failed attempt: the session token masked in the error, then a clock-skew
 * refusal handed to `onRefused`, any other error rethrown.
 * @param statuses - the statuses a clock-skew refusal comes with
 * @internal
 */
export async function settleFailure(
  error: { response?: AxiosResponse } | undefined,
  sent: InternalAxiosRequestConfig,
  onRefused: OnRefused | undefined,
  statuses: readonly unknown[],
): Promise<AxiosResponse> {
  redactSentToken(error, sent);
  if (onRefused && statuses.includes(error?.response?.status)) {
    return onRefused(sent, { response: error?.response, error });
  }
  throw error;
}
