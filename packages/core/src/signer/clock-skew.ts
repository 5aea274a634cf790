import { SigV4Error } from '../errors/sigv4-error.js';

// Reading a refused answer (isClockSkewError, readClockSkew) is in read-clock-skew.ts, which adapters load on first use.

const DOCS = 'https://github.com/sigv4/sigv4/tree/main/packages/core#clock-skew';

/**
 * Epoch milliseconds of a `Date` or a number (only a number when `numberOnly`), else `INVALID_OPTIONS`
 * naming `what`.
 * @internal
 */
export function toTime(value: unknown, what: string, numberOnly?: boolean): number {
  const time = value instanceof Date && !numberOnly ? value.getTime() : value;
  if (!Number.isFinite(time)) {
    throw new SigV4Error(
      'INVALID_OPTIONS',
      `${what} must be ${numberOnly ? 'finite ms' : 'a Date or epoch ms'}; see ${DOCS}`,
    );
  }
  return time as number;
}

/**
 * Milliseconds since epoch of an HTTP `Date` header, a `Date` or a number.
 * @internal
 */
export const toServerTime = (serverDate: string | Date | number): number =>
  toTime(typeof serverDate === 'string' ? Date.parse(serverDate) : serverDate, 'correctClockSkew: the server date');
