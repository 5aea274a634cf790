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
