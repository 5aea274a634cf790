/**
 * The caller's own `x-amz-content-sha256`: signed as the payload hash, the body left unread (as aws4,
 * aws4fetch and botocore's SigV4Auth honour it); any other value is refused.
 */
import { createHash } from 'node:crypto';
import { createSigner, isSigV4Error } from '@sigv4/core';
import { type Gateway, startGateway, TEST_CREDENTIALS } from '@sigv4/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botocoreSign, hasBotocore } from './support/botocore.js';
import { API_URL, CREDENTIALS, FIXED_NOW } from './support/fixtures.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const signer = createSigner({
  region: 'eu-central-1',
  service: 'execute-api',
  credentials: CREDENTIALS,
  now: FIXED_NOW,
});

/** A stream that fails the test if anything reads it. */
const unreadableStream = () =>
  new ReadableStream({
    pull() {
      throw new Error('the body was read');
    },
  });

const BODIES: [kind: string, make: () => unknown][] = [
  ['ReadableStream', unreadableStream],
  ['Blob', () => new Blob(['abc'])],
  ['FormData', () => new FormData()],
  ['URLSearchParams', () => new URLSearchParams('a=b')],
  ['string', () => 'abc'],
];

describe('a given x-amz-content-sha256', () => {
  it.each(BODIES)('signs a %s body with the given hash and leaves it unread', async (_kind, make) => {
    const hash = sha256('abc');
    const body = make();
    const request = { method: 'PUT', url: API_URL, headers: { 'x-amz-content-sha256': hash }, body: body as never };
    const signed = await signer.sign(request);
    expect(signed.headers['x-amz-content-sha256']).toBe(hash);
    expect(signed.headers.authorization).toMatch(/SignedHeaders=[^,]*;x-amz-content-sha256;x-amz-date,/);
    expect((await signer.explain(request)).canonicalRequest.split('\n').at(-1)).toBe(hash);
    if (!(body instanceof URLSearchParams)) expect(signed.body).toBe(body);
  });

  it.each([
    'UNSIGNED-PAYLOAD',
    'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
    'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
    'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  ])('signs with %s as the payload hash', async (value) => {
    const request = {
      method: 'PUT',
      url: API_URL,
      headers: { 'X-Amz-Content-Sha256': value },
      body: unreadableStream(),
    };
    expect((await signer.explain(request)).canonicalRequest.split('\n').at(-1)).toBe(value);
    expect((await signer.sign(request)).headers['x-amz-content-sha256']).toBe(value);
  });

  it.each([
    'abc',
    sha256('abc').toUpperCase(),
    'UNSIGNED_PAYLOAD',
    ' UNSIGNED-PAYLOAD',
    'STREAMING-',
    `${sha256('abc')}0`,
  ])('refuses x-amz-content-sha256 %j with INVALID_OPTIONS naming the header and the allowed forms', async (value) => {
    const error = await signer
      .sign({ url: API_URL, headers: { 'x-amz-content-sha256': value } })
      .catch((e: unknown) => e);
    expect(isSigV4Error(error) && error.code).toBe('INVALID_OPTIONS');
    expect((error as Error).message).toMatch(/x-amz-content-sha256/);
    expect((error as Error).message).toMatch(/64 lower-case hex digits, "UNSIGNED-PAYLOAD" or a STREAMING-/);
  });

  it('presigns an S3 link with the given hash in its query, signed as the payload hash', async () => {
    const s3 = createSigner({ region: 'us-east-1', service: 's3', credentials: CREDENTIALS, now: FIXED_NOW });
    const link = new URL(
      await s3.presign({
        method: 'PUT',
        url: 'https://b.s3.amazonaws.com/k',
        headers: { 'x-amz-content-sha256': sha256('abc') },
        body: unreadableStream(),
      }),
    );
    expect(link.searchParams.get('x-amz-content-sha256')).toBe(sha256('abc'));
  });
});

describe.skipIf(!hasBotocore)('a given x-amz-content-sha256, as botocore signs it', () => {
  // botocore's SigV4Auth signs a given X-Amz-Content-SHA256 as the payload hash; its S3SigV4Auth
  // replaces the header with its own hash of the body, so it is compared on a body that matches.
  it.each([
    ['execute-api', API_URL],
    ['s3', 'https://b.s3.eu-central-1.amazonaws.com/k'],
  ] as const)(
    "gives botocore SigV4Auth's Authorization (%s) for a hash, UNSIGNED-PAYLOAD and a STREAMING value",
    async (service, url) => {
      const s = createSigner({ region: 'eu-central-1', service, credentials: CREDENTIALS, now: FIXED_NOW });
      for (const value of [sha256('abc'), 'UNSIGNED-PAYLOAD', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER']) {
        const headers = { 'X-Amz-Content-SHA256': value };
        const expected = botocoreSign({
          mode: 'header',
          method: 'PUT',
          url,
          headers,
          body: 'abc',
          region: 'eu-central-1',
          service,
          credentials: CREDENTIALS,
          date: FIXED_NOW(),
        });
        const signed = await s.sign({ method: 'PUT', url, headers, body: unreadableStream() });
        expect(signed.headers.authorization).toBe(expected.headers.authorization);
      }
    },
  );

  it("gives botocore S3SigV4Auth's Authorization when the given hash is the body's", async () => {
    const url = 'https://b.s3.eu-central-1.amazonaws.com/k';
    const s = createSigner({ region: 'eu-central-1', service: 's3', credentials: CREDENTIALS, now: FIXED_NOW });
    const expected = botocoreSign({
      mode: 's3',
      method: 'PUT',
      url,
      body: 'abc',
      region: 'eu-central-1',
      service: 's3',
      credentials: CREDENTIALS,
      date: FIXED_NOW(),
    });
    const signed = await s.sign({
      method: 'PUT',
      url,
      headers: { 'x-amz-content-sha256': sha256('abc') },
      body: unreadableStream(),
    });
    expect(signed.headers.authorization).toBe(expected.headers.authorization);
  });
});

describe('a given x-amz-content-sha256 against the gateway', () => {
  let gw: Gateway;
  beforeAll(async () => {
    gw = await startGateway({ region: 'eu-central-1' });
  });
  afterAll(() => gw.close());

  it('accepts a stream-signed PUT whose body matches the given hash and refuses another body', async () => {
    const s = createSigner({ region: gw.region, service: gw.service, credentials: TEST_CREDENTIALS });
    const signed = await s.sign({
      method: 'PUT',
      url: `${gw.url}/upload`,
      headers: { 'x-amz-content-sha256': sha256('abc') },
      body: unreadableStream(),
    });
    const good = await fetch(signed.url, { method: 'PUT', headers: signed.headers, body: 'abc' });
    expect(good.status, await good.text()).toBe(200);
    const other = await fetch(signed.url, { method: 'PUT', headers: signed.headers, body: 'abd' });
    expect(other.status).toBe(403);
  });
});
