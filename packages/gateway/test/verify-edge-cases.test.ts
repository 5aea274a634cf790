import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseRawRequest, type VerifyOptions, verifyRequest } from '@sigv4/gateway';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CREDENTIALS } from '../../../test-support/fixtures.js';
import { SUITE_DIR } from './support/suite.js';

const SUITE_URL = new URL(`file://${SUITE_DIR}`);

const KNOWN = EXAMPLE_CREDENTIALS;
const options: VerifyOptions = {
  region: 'us-east-1',
  service: 'service',
  credentials: [KNOWN],
  now: () => new Date('2015-08-30T12:36:00Z'),
};
const SIG = 'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31';

function refusal(text: string): { errorType?: string; message?: string } {
  const result = verifyRequest(text, options);
  return result.ok ? {} : { errorType: result.errorType, message: result.message };
}

describe('verifyRequest on malformed signatures', () => {
  it('parses the request line, folded headers and the body of raw text', () => {
    const req = parseRawRequest('POST /a b/?x=1 HTTP/1.1\nHost:example.amazonaws.com\nMy:a\n  b\n\nbody');
    expect(req).toMatchObject({
      method: 'POST',
      target: '/a b/?x=1',
      rawHeaders: [
        ['Host', 'example.amazonaws.com'],
        ['My', 'a b'],
      ],
    });
    expect(Buffer.from(req.body).toString()).toBe('body');
  });

  it('refuses a date that is not ISO 8601 basic format', () => {
    expect(
      refusal(
        `GET / HTTP/1.1\nHost:example.amazonaws.com\nX-Amz-Date:2015-08-30T12:36:00Z\nAuthorization:AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, ${SIG}\n\n`,
      ),
    ).toEqual({
      errorType: 'IncompleteSignatureException',
      message:
        "Date must be in ISO-8601 'basic format'. Got '2015-08-30T12:36:00Z'. See http://en.wikipedia.org/wiki/ISO_8601",
    });
  });

  it('refuses a scope that does not end in aws4_request', () => {
    expect(
      refusal(
        `GET / HTTP/1.1\nHost:example.amazonaws.com\nX-Amz-Date:20150830T123600Z\nAuthorization:AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws5_request, SignedHeaders=host;x-amz-date, ${SIG}\n\n`,
      ),
    ).toEqual({
      errorType: 'InvalidSignatureException',
      message: "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. ",
    });
  });

  it('refuses another algorithm', () => {
    expect(
      refusal(
        `GET / HTTP/1.1\nHost:example.amazonaws.com\nX-Amz-Date:20150830T123600Z\nAuthorization:AWS4-HMAC-SHA512 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, ${SIG}\n\n`,
      ),
    ).toEqual({
      errorType: 'IncompleteSignatureException',
      message: "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512'.",
    });
  });

  it('refuses a presigned X-Amz-Expires outside 1..604800 seconds', () => {
    const q =
      'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-SignedHeaders=host&X-Amz-Signature=00';
    expect(refusal(`GET /?${q}&X-Amz-Expires=604801 HTTP/1.1\nHost:example.amazonaws.com\n\n`)).toEqual({
      errorType: 'IncompleteSignatureException',
      message: "X-Amz-Expires must be an integer number of seconds between 1 and 604800, got '604801'.",
    });
  });

  it('uses the Date header when there is no X-Amz-Date', () => {
    const result = verifyRequest(
      `GET / HTTP/1.1\nHost:example.amazonaws.com\nDate:Sun, 30 Aug 2015 12:36:00 GMT\nAuthorization:AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=date;host, ${SIG}\n\n`,
      options,
    );
    // the signature is made up, so it fails, but only at the signature: date, scope and window passed
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errorType).toBe('InvalidSignatureException');
      expect(result.stringToSign).toMatch(
        /^AWS4-HMAC-SHA256\n20150830T123600Z\n20150830\/us-east-1\/service\/aws4_request\n/,
      );
      expect(result.canonicalRequest).toContain('\ndate:Sun, 30 Aug 2015 12:36:00 GMT\nhost:example.amazonaws.com\n');
    }
  });
});

describe('verifyRequest credentials option', () => {
  const vanilla = readFileSync(fileURLToPath(new URL('get-vanilla/header-signed-request.txt', SUITE_URL)));

  it('accepts one set of credentials as well as a list', () => {
    expect(verifyRequest(vanilla, { ...options, credentials: [KNOWN] }).ok).toBe(true);
    expect(verifyRequest(vanilla, { ...options, credentials: KNOWN }).ok).toBe(true);
  });

  it.each([
    ['a string', 'AKIDEXAMPLE'],
    ['a list holding a non-object', [KNOWN, 42]],
    ['null', null],
  ])('throws SigV4Error INVALID_OPTIONS for %s instead of a TypeError', (_name, credentials) => {
    expect(() => verifyRequest(vanilla, { ...options, credentials: credentials as never })).toThrow(
      expect.objectContaining({
        name: 'SigV4Error',
        code: 'INVALID_OPTIONS',
        message: expect.stringContaining('`credentials`'),
      }),
    );
  });
});
