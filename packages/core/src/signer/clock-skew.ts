import { SigV4Error } from '../errors/sigv4-error.js';

// Reading a refused answer (isClockSkewError, readClockSkew) is in read-clock-skew.ts, which adapters load on first use.

const DOCS = 'https://github.com/sigv4/sigv4/tree/main/packages/core#clock-skew';

/**
 * Milliseconds since epoch of an HTTP `Date` header, a `Date` or a number.
 * @internal
 */
export function toServerTime(serverDate: string | Date | number): number {
  const time =
    serverDate instanceof Date
      ? serverDate.getTime()
      : typeof serverDate === 'string'
        ? Date.parse(serverDate)
        : typeof serverDate === 'number'
          ? serverDate
          : Number.NaN;
  if (!Number.isFinite(time)) {
    throw new SigV4Error('INVALID_OPTIONS', `correctClockSkew takes a Date header, a Date or epoch ms; see ${DOCS}`);
  }
  return time;
}
