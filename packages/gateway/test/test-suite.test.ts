import { parseRawRequest, type RawHttpRequest, type VerifyResult, verifyRequest } from '@sigv4/gateway';
import { describe, expect, it } from 'vitest';
import { caseOptions, cloneRequest, loadSuite } from './support/suite.js';

const cases = loadSuite();
const kinds = ['header', 'query'] as const;

function expectRefused(result: VerifyResult, errorType: string, message?: string | RegExp): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.errorType).toBe(errorType);
  expect(result.status).toBe(403);
  if (typeof message === 'string') expect(result.message).toBe(message);
  else if (message) expect(result.message).toMatch(message);
}

const MISMATCH = /^The request signature we calculated does not match the signature you provided\./;

/** Changes the last character of the X-Amz-Date (header or query) by one second. */
function shiftDate(req: RawHttpRequest, kind: 'header' | 'query'): RawHttpRequest {
  const out = cloneRequest(req);
  const bump = (d: string) => d.replace(/(\d)Z$/, (_, s: string) => `${(Number(s) + 1) % 10}Z`);
  if (kind === 'header') {
    const h = out.rawHeaders.find(([n]) => n.toLowerCase() === 'x-amz-date');
    if (h) h[1] = bump(h[1]);
  } else {
    out.target = out.target.replace(/X-Amz-Date=(\d{8}T\d{6}Z)/, (_, d: string) => `X-Amz-Date=${bump(d)}`);
  }
  return out;
}

describe('AWS SigV4 test suite: every signed request', () => {
  it('has the 38 cases of the suite', () => {
    expect(cases).toHaveLength(38);
  });

  for (const c of cases) {
    for (const kind of kinds) {
      describe(`${c.name} (${kind}-signed)`, () => {
        const request = parseRawRequest(c.signed[kind]);
        const options = caseOptions(c.context);

        it('is accepted at its time with its credentials, region and service, rebuilding the expected canonical request', () => {
          const result = verifyRequest(request, options);
          expect(result.ok, result.ok ? '' : result.message).toBe(true);
          if (result.ok) {
            expect(result.canonicalRequest).toBe(c.canonical[kind]);
            expect(result.via).toBe(kind);
          }
        });

        it('is refused when one signed header value changes', () => {
          const tampered = cloneRequest(request);
          const host = tampered.rawHeaders.find(([n]) => n.toLowerCase() === 'host');
          if (host) host[1] = host[1].replace('example', 'exbmple');
          expectRefused(verifyRequest(tampered, options), 'InvalidSignatureException', MISMATCH);
        });

        it('is refused when one query character changes', () => {
          const tampered = cloneRequest(request);
          tampered.target =
            kind === 'query'
              ? tampered.target.replace('X-Amz-Expires=3600', 'X-Amz-Expires=3601')
              : tampered.target.includes('?')
                ? tampered.target.replace(/.$/, (ch) => (ch === 'z' ? 'y' : 'z'))
                : `${tampered.target}?x`;
          expect(tampered.target).not.toBe(request.target);
          expectRefused(verifyRequest(tampered, options), 'InvalidSignatureException', MISMATCH);
        });

        it('is refused when one body byte changes', () => {
          const tampered = cloneRequest(request);
          tampered.body = request.body.length > 0 ? Buffer.from(request.body).fill(0x41, 0, 1) : Buffer.from('x');
          expect(Buffer.compare(Buffer.from(tampered.body), Buffer.from(request.body))).not.toBe(0);
          expectRefused(verifyRequest(tampered, options), 'InvalidSignatureException', MISMATCH);
        });

        it('is refused when the date changes by one second', () => {
          expectRefused(verifyRequest(shiftDate(request, kind), options), 'InvalidSignatureException', MISMATCH);
        });

        it('is refused by a gateway of another region', () => {
          expectRefused(
            verifyRequest(request, { ...options, region: 'eu-central-1' }),
            'InvalidSignatureException',
            "Credential should be scoped to a valid region, not 'us-east-1'. ",
          );
        });

        it('is refused by a gateway of another service', () => {
          expectRefused(
            verifyRequest(request, { ...options, service: 'execute-api' }),
            'InvalidSignatureException',
            "Credential should be scoped to correct service: 'execute-api'. ",
          );
        });
      });
    }
  }
});

describe('AWS SigV4 test suite: time, credentials and flags', () => {
  const vanilla = cases.find((c) => c.name === 'get-vanilla');
  const token = cases.find((c) => c.name === 'get-vanilla-with-session-token');
  const after = cases.find((c) => c.name === 'post-sts-header-after');
  if (!vanilla || !token || !after) throw new Error('suite cases missing');
  const at = (iso: string) => () => new Date(iso);

  it('accepts a header-signed request up to 5 minutes either side of its date', () => {
    const req = parseRawRequest(vanilla.signed.header);
    expect(verifyRequest(req, caseOptions(vanilla.context, { now: at('2015-08-30T12:41:00Z') })).ok).toBe(true);
    expect(verifyRequest(req, caseOptions(vanilla.context, { now: at('2015-08-30T12:31:00Z') })).ok).toBe(true);
  });

  it('refuses a header-signed request older than 5 minutes with AWS\'s "Signature expired" message', () => {
    const req = parseRawRequest(vanilla.signed.header);
    expectRefused(
      verifyRequest(req, caseOptions(vanilla.context, { now: at('2015-08-30T13:01:00Z') })),
      'InvalidSignatureException',
      'Signature expired: 20150830T123600Z is now earlier than 20150830T125600Z (20150830T130100Z - 5 min.)',
    );
  });

  it('refuses a request dated more than 5 minutes ahead with "Signature not yet current"', () => {
    const req = parseRawRequest(vanilla.signed.header);
    expectRefused(
      verifyRequest(req, caseOptions(vanilla.context, { now: at('2015-08-30T12:30:00Z') })),
      'InvalidSignatureException',
      'Signature not yet current: 20150830T123600Z is still later than 20150830T123500Z (20150830T123000Z + 5 min.)',
    );
  });

  it('accepts a presigned request until X-Amz-Expires seconds after its date, then refuses it', () => {
    const req = parseRawRequest(vanilla.signed.query);
    expect(verifyRequest(req, caseOptions(vanilla.context, { now: at('2015-08-30T13:36:00Z') })).ok).toBe(true);
    expectRefused(
      verifyRequest(req, caseOptions(vanilla.context, { now: at('2015-08-30T13:36:01Z') })),
      'InvalidSignatureException',
      'Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T133601Z - 3600 sec.)',
    );
  });

  it('refuses an access key it does not know with UnrecognizedClientException', () => {
    const req = parseRawRequest(vanilla.signed.header);
    expectRefused(
      verifyRequest(
        req,
        caseOptions(vanilla.context, { credentials: [{ accessKeyId: 'AKIDOTHER', secretAccessKey: 'x' }] }),
      ),
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  });

  it('refuses a wrong secret with the canonical request and string to sign AWS computed', () => {
    const req = parseRawRequest(vanilla.signed.header);
    const result = verifyRequest(
      req,
      caseOptions(vanilla.context, { credentials: [{ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wrong' }] }),
    );
    expectRefused(result, 'InvalidSignatureException', MISMATCH);
    if (!result.ok) {
      expect(result.message).toContain(
        `The Canonical String for this request should have been\n'${vanilla.canonical.header}'`,
      );
      expect(result.message).toContain(
        "The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n",
      );
    }
  });

  it('refuses temporary credentials without their session token, or with another one', () => {
    const req = parseRawRequest(token.signed.header);
    const without = cloneRequest(req);
    without.rawHeaders = without.rawHeaders.filter(([n]) => n.toLowerCase() !== 'x-amz-security-token');
    expectRefused(verifyRequest(without, caseOptions(token.context)), 'UnrecognizedClientException');
    const other = caseOptions(token.context, {
      credentials: [
        {
          accessKeyId: 'AKIDEXAMPLE',
          secretAccessKey: token.context.credentials.secret_access_key,
          sessionToken: 'other',
        },
      ],
    });
    expectRefused(
      verifyRequest(req, other),
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  });

  it('refuses temporary credentials once they expired with ExpiredTokenException', () => {
    const req = parseRawRequest(token.signed.header);
    const expired = caseOptions(token.context, {
      credentials: [
        {
          accessKeyId: 'AKIDEXAMPLE',
          secretAccessKey: token.context.credentials.secret_access_key,
          sessionToken: token.context.credentials.token ?? '',
          expiration: new Date('2015-08-30T12:35:00Z'),
        },
      ],
    });
    expectRefused(
      verifyRequest(req, expired),
      'ExpiredTokenException',
      'The security token included in the request is expired',
    );
  });

  it('refuses a presigned URL whose session token was appended after signing, unless unsignedSessionToken is set', () => {
    const req = parseRawRequest(after.signed.query);
    expectRefused(
      verifyRequest(req, caseOptions(after.context, { unsignedSessionToken: false })),
      'InvalidSignatureException',
      MISMATCH,
    );
    expect(verifyRequest(req, caseOptions(after.context)).ok).toBe(true);
  });

  it('refuses an unsigned x-amz-content-sha256 header that is not the hash of the body received', () => {
    const req = parseRawRequest(vanilla.signed.header);
    const withHash = (value: string) => ({
      ...cloneRequest(req),
      rawHeaders: [...req.rawHeaders, ['x-amz-content-sha256', value] as [string, string]],
    });
    expect(
      verifyRequest(
        withHash('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'),
        caseOptions(vanilla.context),
      ).ok,
    ).toBe(true);
    expectRefused(
      verifyRequest(withHash('0'.repeat(64)), caseOptions(vanilla.context)),
      'InvalidSignatureException',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
  });

  it('refuses an unnormalized signature when the verifier normalizes, as execute-api does', () => {
    const c = cases.find((x) => x.name === 'get-slashes-unnormalized');
    if (!c) throw new Error('case missing');
    const req = parseRawRequest(c.signed.header);
    expect(verifyRequest(req, caseOptions(c.context)).ok).toBe(true);
    expectRefused(
      verifyRequest(req, caseOptions(c.context, { normalizePath: true })),
      'InvalidSignatureException',
      MISMATCH,
    );
  });
});
