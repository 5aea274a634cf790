import { MAX_CLOCK_SKEW_MS, MAX_PRESIGN_EXPIRES_S } from '../constants.js';
import { type AuthFields, formatAmzDate } from './parse-auth.js';
import { refuse } from './refusal.js';
import type { VerifyFailure } from './types.js';
import { bytesToText } from './uri-encode.js';

/**
 * AWS's window: a header-signed request is good 5 minutes either side of its
 * date; a presigned one from 5 minutes before its date until `X-Amz-Expires`
 * seconds after it.
 * @internal
 */
export function checkTime(auth: AuthFields, dateMs: number, nowMs: number): VerifyFailure | undefined {
  const date = auth.amzDate;
  if (dateMs > nowMs + MAX_CLOCK_SKEW_MS) {
    return refuse(
      'InvalidSignatureException',
      `Signature not yet current: ${date} is still later than ${formatAmzDate(nowMs + MAX_CLOCK_SKEW_MS)} (${formatAmzDate(nowMs)} + 5 min.)`,
    );
  }
  if (auth.via === 'query' && auth.expires !== undefined) {
    const expires = /^\d{1,7}$/.test(auth.expires) ? Number(auth.expires) : Number.NaN;
    if (!(expires >= 1 && expires <= MAX_PRESIGN_EXPIRES_S)) {
      return refuse(
        'IncompleteSignatureException',
        `X-Amz-Expires must be an integer number of seconds between 1 and ${MAX_PRESIGN_EXPIRES_S}, got '${bytesToText(auth.expires)}'.`,
      );
    }
    if (nowMs > dateMs + expires * 1000) {
      return refuse(
        'InvalidSignatureException',
        `Signature expired: ${date} is now earlier than ${formatAmzDate(nowMs - expires * 1000)} (${formatAmzDate(nowMs)} - ${expires} sec.)`,
      );
    }
    return undefined;
  }
  if (dateMs < nowMs - MAX_CLOCK_SKEW_MS) {
    return refuse(
      'InvalidSignatureException',
      `Signature expired: ${date} is now earlier than ${formatAmzDate(nowMs - MAX_CLOCK_SKEW_MS)} (${formatAmzDate(nowMs)} - 5 min.)`,
    );
  }
  return undefined;
}
