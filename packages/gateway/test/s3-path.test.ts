import { createSigner, type Signer } from '@sigv4/core';
import { type Gateway, type RecordedRequest, startGateway, TEST_CREDENTIALS, verifyRequest } from '@sigv4/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalPath } from '../src/verify/canonical-path.js';

/**
 * S3's canonical URI: each path segment percent-decoded to bytes and URI-encoded once
 * (RFC 3986 unreserved kept, uppercase hex), no dot-segment normalization. So `/%7E` signs
 * as `/~` (boto/boto3#2849) and a literal `+` as `%2B`. Checked against core's s3 signer.
 */
const FIXED_NOW = Date.parse('2026-01-15T12:00:00Z');
let gw: Gateway;
let signer: Signer;
beforeAll(async () => {
  gw = await startGateway({ service: 's3', now: () => FIXED_NOW });
  signer = createSigner({ region: gw.region, service: 's3', credentials: TEST_CREDENTIALS, now: () => FIXED_NOW });
});
afterAll(() => gw.close());

const S3_RULES = { normalize: false, encode: false };

function canonicalOnServer(record: RecordedRequest): string {
  const result = verifyRequest(
    { method: record.method, target: record.target, rawHeaders: record.rawHeaders, body: record.body },
    { region: gw.region, service: 's3', credentials: [TEST_CREDENTIALS], now: () => FIXED_NOW },
  );
  return result.canonicalRequest ?? '';
}

describe('s3 canonical path', () => {
  it('decodes each segment and encodes it once, with uppercase hex', () => {
    expect(canonicalPath('/k+ey', S3_RULES)).toBe('/k%2Bey');
    expect(canonicalPath('/%7E', S3_RULES)).toBe('/~');
    expect(canonicalPath('/%7e', S3_RULES)).toBe('/~');
    expect(canonicalPath("/a'b(c)*$", S3_RULES)).toBe('/a%27b%28c%29%2A%24');
    expect(canonicalPath('/a%2fb/c%20d', S3_RULES)).toBe('/a%2Fb/c%20d');
    expect(canonicalPath('/%C3%A9/\u00e1\u0088\u00b4', S3_RULES)).toBe('/%C3%A9/%E1%88%B4');
  });

  it('keeps dot segments, repeated and trailing slashes, and encodes a stray % as a literal', () => {
    expect(canonicalPath('//a/./b/../c/', S3_RULES)).toBe('//a/./b/../c/');
    expect(canonicalPath('/100%/%zz', S3_RULES)).toBe('/100%25/%25zz');
    expect(canonicalPath('', S3_RULES)).toBe('/');
  });

  const paths = [
    '/k+ey',
    '/a*b',
    '/%7E',
    "/a'b(c)",
    '/a$b',
    '/é',
    '/%E2%82%AC/ሴ/😀',
    '/a%2Fb',
    '/a%20b',
    '/a b',
    '//dbl',
    '/a~b',
    '/x=1;y@z:w,v',
  ];
  for (const path of paths) {
    it(`accepts ${JSON.stringify(path)} signed by core's s3 signer, rebuilding its canonical request`, async () => {
      const url = `${gw.url}${path}`;
      const signed = await signer.sign({ url, method: 'PUT', body: 'data' });
      const before = gw.requests.length;
      const res = await fetch(signed.url, { method: signed.method, headers: signed.headers, body: 'data' });
      expect(res.status, await res.text()).toBe(200);
      const record = gw.requests[before];
      if (!record) throw new Error('the gateway recorded nothing');
      const explained = await signer.explain({ url, method: 'PUT', body: 'data' });
      expect(canonicalOnServer(record)).toBe(explained.canonicalRequest);
    });

    it(`accepts ${JSON.stringify(path)} presigned by core's s3 signer`, async () => {
      const res = await fetch(await signer.presign({ url: `${gw.url}${path}` }));
      expect(res.status, await res.text()).toBe(200);
    });
  }

  it('refuses a key whose bytes differ from what was signed', async () => {
    const signed = await signer.sign({ url: `${gw.url}/k+ey` });
    const res = await fetch(`${gw.url}/k%20ey`, { headers: signed.headers });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
  });
});
