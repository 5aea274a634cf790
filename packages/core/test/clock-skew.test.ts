import { createSigner, isClockSkewError, isSigV4Error, readClockSkew } from '@sigv4/core';
import { describe, expect, it } from 'vitest';
import { API_URL, CREDENTIALS, FIXED_NOW } from './support/fixtures.js';

const newSigner = () =>
  createSigner({ region: 'eu-central-1', service: 'execute-api', credentials: CREDENTIALS, now: FIXED_NOW });

describe('clock skew', () => {
  it.each([
    [
      'API Gateway expired',
      '{"message":"Signature expired: 20150830T123600Z is now earlier than 20150830T124100Z (20150830T124600Z - 5 min.)"}',
    ],
    [
      'API Gateway not yet current',
      '{"message":"Signature not yet current: 20150830T130100Z is still later than 20150830T125100Z (20150830T123600Z + 15 min.)"}',
    ],
    [
      'S3',
      '<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message></Error>',
    ],
    [
      'STS',
      '<ErrorResponse><Error><Code>RequestExpired</Code><Message>Request has expired.</Message></Error></ErrorResponse>',
    ],
  ])('recognizes the %s answer', (_name, body) => {
    expect(isClockSkewError(body)).toBe(true);
  });

  it('reads parsed JSON and bytes too', () => {
    expect(isClockSkewError({ message: 'Signature expired: 20150830T123600Z is now earlier than …' })).toBe(true);
    expect(isClockSkewError(new TextEncoder().encode('Signature expired'))).toBe(true);
  });

  it('does not mistake other 403 answers for clock skew', () => {
    expect(
      isClockSkewError('{"message":"The request signature we calculated does not match the signature you provided."}'),
    ).toBe(false);
    expect(isClockSkewError('{"message":"The security token included in the request is invalid."}')).toBe(false);
    expect(isClockSkewError(undefined)).toBe(false);
    expect(isClockSkewError(403)).toBe(false);
  });

  it('corrects the signing time from the server Date header', async () => {
    const signer = newSigner();
    expect(signer.correctClockSkew('Sun, 30 Aug 2015 12:46:00 GMT')).toBe(600_000);
    expect(signer.clockOffset).toBe(600_000);
    expect((await signer.sign({ url: API_URL })).headers['x-amz-date']).toBe('20150830T124600Z');
    expect(signer.correctClockSkew(new Date('2015-08-30T12:35:00Z'))).toBe(-60_000);
    expect((await signer.sign({ url: API_URL })).headers['x-amz-date']).toBe('20150830T123500Z');
  });

  it('rejects a server date it cannot read', () => {
    const signer = newSigner();
    let error: unknown;
    try {
      signer.correctClockSkew('yesterday');
    } catch (e) {
      error = e;
    }
    expect(isSigV4Error(error) && error.code).toBe('INVALID_OPTIONS');
    expect(signer.clockOffset).toBe(0);
  });
});

describe('readClockSkew', () => {
  const expired =
    '{"message":"Signature expired: 20261126T080000Z is now earlier than 20261126T081000Z (20261126T081500Z - 5 min.)"}';

  it('returns the server time from the Date header of a clock-skew 403', () => {
    const headers = new Headers({ date: 'Thu, 26 Nov 2026 08:15:03 GMT' });
    expect(readClockSkew(403, headers, expired)).toBe(Date.parse('2026-11-26T08:15:03Z'));
  });

  it('reads the server time from the message where a browser hides Date (API Gateway, STS)', () => {
    expect(readClockSkew(403, new Headers(), expired)).toBe(Date.parse('2026-11-26T08:15:00Z'));
    const notYet =
      'Signature not yet current: 20261126T090000Z is still later than 20261126T082000Z (20261126T081500Z + 5 min.)';
    expect(readClockSkew(403, {}, notYet)).toBe(Date.parse('2026-11-26T08:15:00Z'));
  });

  it("reads S3's RequestTimeTooSkewed ServerTime, and plain-object and AxiosHeaders-like headers", () => {
    const s3 =
      '<Error><Code>RequestTimeTooSkewed</Code><RequestTime>20261126T075500Z</RequestTime><ServerTime>2026-11-26T08:15:00Z</ServerTime></Error>';
    expect(readClockSkew(403, { date: undefined }, s3)).toBe(Date.parse('2026-11-26T08:15:00Z'));
    expect(readClockSkew(403, { Date: 'Thu, 26 Nov 2026 08:15:09 GMT' }, s3)).toBe(Date.parse('2026-11-26T08:15:09Z'));
    expect(readClockSkew(400, { get: () => 'Thu, 26 Nov 2026 08:15:09 GMT' }, s3)).toBe(
      Date.parse('2026-11-26T08:15:09Z'),
    );
  });

  it('reads parsed JSON and bytes as bodies', () => {
    expect(readClockSkew(403, null, JSON.parse(expired))).toBe(Date.parse('2026-11-26T08:15:00Z'));
    expect(readClockSkew(403, null, new TextEncoder().encode(expired))).toBe(Date.parse('2026-11-26T08:15:00Z'));
  });

  it('returns undefined for answers that are not about time, other statuses, or no server time at all', () => {
    expect(readClockSkew(403, new Headers({ date: 'Thu, 26 Nov 2026 08:15:03 GMT' }), '{"message":"Forbidden"}')).toBe(
      undefined,
    );
    expect(readClockSkew(500, new Headers({ date: 'Thu, 26 Nov 2026 08:15:03 GMT' }), expired)).toBe(undefined);
    expect(readClockSkew(403, new Headers(), '{"message":"Signature expired"}')).toBe(undefined);
  });
});
