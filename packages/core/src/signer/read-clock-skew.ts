// Imports nothing at run time: adapters load it on a refused answer only (see load-adapter-kit.ts).

/**
 * The statuses AWS refuses a request signed at the wrong time with: only these answers are read for a clock-skew message.
 *
 * @example
 * ```ts
 * import { CLOCK_SKEW_STATUSES } from '@sigv4/core';
 * const mayBeSkew = (response: Response) => CLOCK_SKEW_STATUSES.includes(response.status);
 * ```
 */
export const CLOCK_SKEW_STATUSES: readonly number[] = [400, 401, 403];

/** AWS answers that mean "your clock is off" (API Gateway, Lambda URLs, STS, S3, …). */
const CLOCK_SKEW =
  /Signature (?:has )?expired|Signature not yet current|RequestTimeTooSkewed|Request(?: has )?Expired|difference between the request time and the (?:current|server's) time is too large/i;

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

/** The server time AWS writes into a clock-skew message: API Gateway/STS `(20261126T081500Z - 5 min.)`, S3 `<ServerTime>`. */
const SERVER_TIME_IN_MESSAGE =
  /\((\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z [-+] \d+ (?:min|sec)\.\)|<ServerTime>([^<]+)<\/ServerTime>/;

type HeaderReader = { get(name: string): unknown } | Record<string, unknown> | null | undefined;

const dateHeaderOf = (headers: HeaderReader): unknown => {
  const record = headers as Record<string, unknown> | null | undefined;
  return typeof record?.['get'] === 'function'
    ? (headers as { get(n: string): unknown }).get('date')
    : (record?.['date'] ?? record?.['Date']);
};

/** Epoch milliseconds of the server time in a clock-skew message; `NaN` when there is none. */
function serverTimeInMessage(text: string): number {
  const m = SERVER_TIME_IN_MESSAGE.exec(text);
  return m ? Date.parse(m[7] ?? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : Number.NaN;
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
  if (!CLOCK_SKEW_STATUSES.includes(status)) return undefined;
  const text = textOf(body);
  if (!CLOCK_SKEW.test(text)) return undefined;
  const date = dateHeaderOf(headers);
  const time = typeof date === 'string' ? Date.parse(date) : Number.NaN;
  const found = Number.isFinite(time) ? time : serverTimeInMessage(text);
  return Number.isFinite(found) ? found : undefined;
}
