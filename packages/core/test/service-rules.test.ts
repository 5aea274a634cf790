/**
 * Per-service rules applied by default (src/signer/service-rules.ts, the table in core's README):
 * the payload hash header, path escaping and unsigned presigned payloads.
 */
import { createHash } from 'node:crypto';
import { createSigner } from '@sigv4/core';
import { type Gateway, startGateway, TEST_CREDENTIALS } from '@sigv4/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botocoreSign, hasBotocore } from './support/botocore.js';
import { CREDENTIALS, FIXED_NOW } from './support/fixtures.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const signerFor = (service: string, options: { applyChecksum?: boolean } = {}) =>
  createSigner({ region: 'us-east-1', service, credentials: CREDENTIALS, now: FIXED_NOW, ...options });
const URL_ = 'https://host.example.com/a%20b';
const pathOf = async (service: string) =>
  (await signerFor(service).explain({ url: URL_ })).canonicalRequest.split('\n')[1];

describe('payload hash header', () => {
  it.each(['s3', 's3-object-lambda', 's3-outposts', 's3express', 'aoss', 'glacier'])(
    'sends and signs x-amz-content-sha256 for %s',
    async (service) => {
      const signed = await signerFor(service).sign({ method: 'PUT', url: URL_, body: 'abc' });
      expect(signed.headers['x-amz-content-sha256']).toBe(sha256('abc'));
      expect(signed.headers.authorization).toContain('SignedHeaders=host;x-amz-content-sha256;x-amz-date,');
    },
  );

  it.each(['execute-api', 'es', 'lambda', 'appsync'])('adds no payload hash header for %s', async (service) => {
    const signed = await signerFor(service).sign({ method: 'PUT', url: URL_, body: 'abc' });
    expect(signed.headers['x-amz-content-sha256']).toBeUndefined();
  });

  it('adds it for an OpenSearch Serverless host inferred from the URL', async () => {
    const signed = await createSigner({ credentials: CREDENTIALS, now: FIXED_NOW }).sign({
      url: 'https://abc123.us-east-1.aoss.amazonaws.com/index/_search',
    });
    expect(signed.headers['x-amz-content-sha256']).toBe(sha256(''));
    expect(signed.headers.authorization).toContain(
      '/us-east-1/aoss/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date,',
    );
  });

  it('leaves it out when applyChecksum: false is passed', async () => {
    const signed = await signerFor('aoss', { applyChecksum: false }).sign({ url: URL_ });
    expect(signed.headers['x-amz-content-sha256']).toBeUndefined();
  });

  it.skipIf(!hasBotocore)('signs aoss as botocore SigV4Auth signs the same request with the header', async () => {
    const url = 'https://abc123.us-east-1.aoss.amazonaws.com/index/_doc';
    const signed = await signerFor('aoss').sign({ method: 'POST', url, body: '{"a":1}' });
    const expected = botocoreSign({
      mode: 'header',
      method: 'POST',
      url,
      body: '{"a":1}',
      headers: { 'X-Amz-Content-SHA256': sha256('{"a":1}') },
      region: 'us-east-1',
      service: 'aoss',
      credentials: CREDENTIALS,
      date: FIXED_NOW(),
    });
    expect(signed.headers.authorization).toBe(expected.headers.authorization);
  });
});

describe('path escaping', () => {
  it.each(['s3', 's3-object-lambda', 's3-outposts', 's3express'])('encodes the path once for %s', async (service) => {
    expect(await pathOf(service)).toBe('/a%20b');
  });

  it.each(['aoss', 'glacier', 'execute-api'])('encodes the path twice for %s', async (service) => {
    expect(await pathOf(service)).toBe('/a%2520b');
  });
});

describe('presigned payload', () => {
  it.each(['s3-object-lambda', 's3-outposts', 's3express'])(
    'presigns %s links with UNSIGNED-PAYLOAD whatever the body',
    async (service) => {
      const s = signerFor(service);
      expect(await s.presign({ method: 'PUT', url: URL_, body: 'abc' })).toBe(
        await s.presign({ method: 'PUT', url: URL_ }),
      );
    },
  );

  it('hashes the body of an aoss presigned link', async () => {
    const s = signerFor('aoss');
    expect(await s.presign({ method: 'PUT', url: URL_, body: 'abc' })).not.toBe(
      await s.presign({ method: 'PUT', url: URL_ }),
    );
  });
});

describe('aoss against the gateway', () => {
  let gw: Gateway;
  beforeAll(async () => {
    gw = await startGateway({ service: 'aoss' });
  });
  afterAll(() => gw.close());

  it('accepts a request whose signed payload hash header matches the body', async () => {
    const s = createSigner({ region: gw.region, service: 'aoss', credentials: TEST_CREDENTIALS });
    const signed = await s.sign({
      method: 'POST',
      url: `${gw.url}/index/_search`,
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(signed.headers['x-amz-content-sha256']).toBe(sha256('{}'));
    const res = await fetch(signed.url, { method: 'POST', headers: signed.headers, body: '{}' });
    expect(res.status, await res.text()).toBe(200);
  });
});
