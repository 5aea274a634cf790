import { describe, expect, it } from 'vitest';
import { createSigner } from '@sigv4/core';
import { loadSuite, parseRawRequest, type SuiteCase } from './support/test-suite.js';

const cases = loadSuite();

function signerFor(suiteCase: SuiteCase) {
  const { context } = suiteCase;
  const omitToken = context.omit_session_token === true;
  return createSigner({
    region: context.region,
    service: context.service,
    credentials: {
      accessKeyId: context.credentials.access_key_id,
      secretAccessKey: context.credentials.secret_access_key,
      ...(context.credentials.token && !omitToken ? { sessionToken: context.credentials.token } : {}),
    },
    // normalize: false means S3-style paths: used as given, encoded once.
    uriEscapePath: context.normalize,
    applyChecksum: context.sign_body,
    now: () => new Date(context.timestamp),
  });
}

const host = (suiteCase: SuiteCase): string =>
  suiteCase.request.headers.find(([name]) => name.toLowerCase() === 'host')?.[1] ?? '';

const urlOf = (suiteCase: SuiteCase): string => `https://${host(suiteCase)}${suiteCase.request.target}`;

/** Header lines as a name -> value map (lower-case names, repeated names joined with ","). */
function headerMap(lines: [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of lines) {
    const key = name.toLowerCase();
    out[key] = out[key] === undefined ? value.trim() : `${out[key]},${value.trim()}`;
  }
  return out;
}

describe('AWS SigV4 test suite (v4)', () => {
  it('has all 38 cases', () => {
    expect(cases).toHaveLength(38);
  });

  describe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, suiteCase) => {
    const { context, request } = suiteCase;
    const token = context.credentials.token;
    const omitToken = context.omit_session_token === true;
    const input = { method: request.method, url: urlOf(suiteCase), headers: request.headers, body: request.body };

    it('signs with the expected Authorization header and headers', async () => {
      const signed = await signerFor(suiteCase).sign(input);
      const expected = parseRawRequest(suiteCase.read('header-signed-request.txt'));
      const signature = suiteCase.read('header-signature.txt');
      expect(signed.headers.authorization).toMatch(new RegExp(`Signature=${signature}$`));
      const actual = { ...signed.headers };
      if (omitToken && token) actual['x-amz-security-token'] = token; // the caller adds it after signing
      expect(headerMap(Object.entries(actual))).toEqual(headerMap(expected.headers));
      expect(signed.url).toBe(input.url);
      expect(signed.method).toBe(expected.method);
    });

    it('explains the expected canonical request and string to sign', async () => {
      const info = await signerFor(suiteCase).explain(input);
      let canonical = suiteCase.read('header-canonical-request.txt');
      if (token && !omitToken) {
        expect(info.canonicalRequest).not.toContain(token);
        canonical = canonical.replace(token, '[redacted]');
      }
      expect(info.canonicalRequest).toBe(canonical);
      expect(info.stringToSign).toBe(suiteCase.read('header-string-to-sign.txt'));
      expect(info.signature).toBe(suiteCase.read('header-signature.txt'));
    });

    it('presigns the expected URL', async () => {
      const link = await signerFor(suiteCase).presign({
        method: request.method,
        url: input.url,
        headers: request.headers,
        body: context.sign_body ? request.body : undefined,
        expiresIn: context.expiration_in_seconds,
      });
      const expected = parseRawRequest(suiteCase.read('query-signed-request.txt'));
      let actual = link;
      if (omitToken && token) {
        actual = actual.replace('&X-Amz-Signature=', `&X-Amz-Security-Token=${encodeURIComponent(token)}&X-Amz-Signature=`);
      }
      expect(actual).toBe(`https://${host(suiteCase)}${expected.target}`);
      expect(link).toContain(`X-Amz-Signature=${suiteCase.read('query-signature.txt')}`);
    });
  });
});
