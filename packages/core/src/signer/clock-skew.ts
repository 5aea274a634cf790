import { SigV4Error } from '../errors/sigv4-error.js';

/** AWS answers that mean "your clock is off" (API Gateway, Lambda URLs, STS, S3, …). */
const CLOCK_SKEW =
  /Signature expired|Signature not yet current|RequestTimeTooSkewed|RequestExpired|Request has expired|difference between the request time and the (?:current|server's) time is too large|Signature has expired/i;

const textOf = (body: unknown): string => {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  if (typeof body === 'object' && body !== null) {
    try {
      return JSON.stringify(body) ?? '';
    } catch {
      return String((body as { message?: unknown }).message ?? '');
    }
  }
  return '';
};

/**
 * Tells whether an AWS error answer says the request's signing time is off ("Signature expired",
 * "Signature not yet current", `RequestTimeTooSkewed`, `RequestExpired`). Pass the response body
 * (text, bytes or parsed JSON) or an error carrying it; then call `signer.correctClockSkew(dateHeader)`
 * and sign again.
 *
 * @param body - the 403 answer body, parsed or not
 * @example
 * ```ts
 * import { isClockSkewError } from '@sigv4/core';
 * if (response.status === 403 && isClockSkewError(await response.text())) {
 *   signer.correctClockSkew(response.headers.get('date') ?? Date.now());
 * }
 * ```
 */
export function isClockSkewError(body: unknown): boolean {
  return CLOCK_SKEW.test(textOf(body));
}

/**
 * Milliseconds since epoch of an HTTP `Date` header, a `Date` or a number.
 * @internal
 */
export function toServerTime(serverDate: string | Date | number): number {
  const time =
    typeof serverDate === 'number'
      ? serverDate
      : serverDate instanceof Date
        ? serverDate.getTime()
        : typeof serverDate === 'string'
          ? Date.parse(serverDate)
          : Number.NaN;
  if (!Number.isFinite(time)) {
    throw new SigV4Error(
      'INVALID_OPTIONS',
      `correctClockSkew needs the server's Date header, a Date or epoch milliseconds; got ${JSON.stringify(String(serverDate)).slice(0, 60)}.`,
    );
  }
  return time;
}

/** The server time AWS writes into a clock-skew message: API Gateway/STS `(20261126T081500Z - 5 min.)`, S3 `<ServerTime>`. */
const SERVER_TIME_IN_MESSAGE =
  /\((\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z [-+] \d+ (?:min|sec)\.\)|<ServerTime>([^<]+)<\/ServerTime>/;

/** Statuses AWS answers a request signed at the wrong time with. */
const SKEW_STATUSES: readonly number[] = [400, 401, 403];

type HeaderReader = { get(name: string): unknown } | Record<string, unknown> | null | undefined;

const dateHeaderOf = (headers: HeaderReader): unknown => {
  if (headers == null) return undefined;
  if (typeof (headers as { get?: unknown }).get === 'function')
    return (headers as { get(n: string): unknown }).get('date');
  const record = headers as Record<string, unknown>;
  return record['date'] ?? record['Date'];
};

function serverTimeInMessage(text: string): number | undefined {
  const match = SERVER_TIME_IN_MESSAGE.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const time = match[7] !== undefined ? Date.parse(match[7]) : Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s);
  return Number.isFinite(time) ? time : undefined;
}

/**
 * Reads a refused answer: when AWS says the request's signing time is off, returns the server's time
 * (epoch milliseconds) from the `Date` header, or, where a browser hides that header (no
 * `Access-Control-Expose-Headers: Date`), from the time AWS writes in its message; else `undefined`.
 * The adapters call it on a 400/401/403 and, given a time, correct the signer and send once more.
 *
 * @param status - the response status
 * @param headers - the response headers (`Headers`, `AxiosHeaders` or a plain object)
 * @param body - the response body: text, bytes or parsed JSON
 * @returns the server time in epoch milliseconds, or `undefined` when the answer is not about time
 * @example
 * ```ts
 * import { readClockSkew } from '@sigv4/core';
 * const serverTime = readClockSkew(response.status, response.headers, await response.clone().text());
 * if (serverTime !== undefined) signer.correctClockSkew(serverTime);
 * ```
 */
export function readClockSkew(status: number, headers: HeaderReader, body: unknown): number | undefined {
  if (!SKEW_STATUSES.includes(status)) return undefined;
  const text = textOf(body);
  if (!CLOCK_SKEW.test(text)) return undefined;
  const date = dateHeaderOf(headers);
  const fromHeader = typeof date === 'string' ? Date.parse(date) : Number.NaN;
  return Number.isFinite(fromHeader) ? fromHeader : serverTimeInMessage(text);
}
