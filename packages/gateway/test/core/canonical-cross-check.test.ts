import { createSigner, fromAssumeRole, isClockSkewError, type SignableRequest, type Signer } from '@sigv4/core';
import {
  type Gateway,
  type RecordedRequest,
  startGateway,
  TEST_CREDENTIALS,
  TEST_ROLE_ARN,
  verifyRequest,
} from '@sigv4/gateway';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The signer of @sigv4/core (test-only import) against the gateway's
 * independent verifier: every request must be accepted, and the canonical
 * request the gateway rebuilds from the wire must equal the one core signed.
 */
// One fixed clock for signer and gateway, so sign() and explain() use the same X-Amz-Date.
const FIXED_NOW = Date.parse('2026-01-15T12:00:00Z');
let gw: Gateway;
let signer: Signer;
beforeAll(async () => {
  gw = await startGateway({ now: () => FIXED_NOW });
  signer = createSigner({
    region: gw.region,
    service: gw.service,
    credentials: TEST_CREDENTIALS,
    now: () => FIXED_NOW,
  });
});
afterAll(() => gw.close());

function canonicalOnServer(record: RecordedRequest): string {
  const result = verifyRequest(
    { method: record.method, target: record.target, rawHeaders: record.rawHeaders, body: record.body },
    { region: gw.region, service: gw.service, credentials: [TEST_CREDENTIALS], now: () => FIXED_NOW },
  );
  return result.canonicalRequest ?? '';
}

async function roundTrip(
  request: SignableRequest,
  s: Signer = signer,
): Promise<{ status: number; text: string; record: RecordedRequest }> {
  const before = gw.requests.length;
  const signed = await s.sign(request);
  const res = await fetch(signed.url, {
    method: signed.method,
    headers: signed.headers,
    body: (signed.body ?? null) as BodyInit | null,
  });
  const text = await res.text();
  const record = gw.requests.slice(before).find((r) => r.api === 'execute-api');
  if (!record) throw new Error('the gateway recorded nothing');
  return { status: res.status, text, record };
}

describe('@sigv4/core signer against the gateway', () => {
  const cases: Array<[string, Omit<SignableRequest, 'url'> & { path: string }]> = [
    ['a plain GET', { path: '/items' }],
    ['an encoded space and UTF-8 in the path', { path: '/items/a%20b/%E1%88%B4' }],
    ['repeated, unsorted and empty query parameters', { path: '/q?b=2&a=1&a=0&empty=&flag' }],
    ['encoded reserved and unreserved query characters', { path: '/q?k=%2F%3D%26&t=%7E-._&u=%C3%A9' }],
    [
      'a JSON POST',
      { path: '/items', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"ü"}' },
    ],
    [
      'binary PUT bytes',
      {
        path: '/blob',
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream' },
        body: new Uint8Array([0, 255, 1, 254]),
      },
    ],
    ['a URLSearchParams form body', { path: '/form', method: 'POST', body: new URLSearchParams({ a: 'b c', d: 'é' }) }],
    ['a header value with runs of spaces', { path: '/h', headers: { 'x-custom': '  a   b  ' } }],
  ];
  for (const [name, { path, ...request }] of cases) {
    it(`accepts ${name}, rebuilding the canonical request core signed`, async () => {
      const url = `${gw.url}${path}`;
      const { status, text, record } = await roundTrip({ ...request, url });
      expect(status, text).toBe(200);
      const explained = await signer.explain({ ...request, url });
      expect(canonicalOnServer(record)).toBe(explained.canonicalRequest);
    });
  }

  it('reads a literal + in the query as a space, as API Gateway does', async () => {
    const { status, text } = await roundTrip({ url: `${gw.url}/q?q=a+b` });
    expect(status, text).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ params: { q: 'a b' } });
  });

  it('accepts a URL presigned by core', async () => {
    const link = await signer.presign({ url: `${gw.url}/report?year=2026`, expiresIn: 120 });
    const res = await fetch(link);
    expect(res.status, await res.clone().text()).toBe(200);
  });

  it('accepts temporary credentials from core fromAssumeRole against the gateway STS', async () => {
    // real clock here: the SDK checks the session's Expiration against it
    const live = await startGateway();
    try {
      const temp = createSigner({
        region: live.region,
        service: live.service,
        credentials: fromAssumeRole({
          roleArn: TEST_ROLE_ARN,
          masterCredentials: TEST_CREDENTIALS,
          clientConfig: { endpoint: live.stsUrl, region: live.region },
        }),
      });
      const signed = await temp.sign({ url: `${live.url}/me` });
      const res = await fetch(signed.url, { headers: signed.headers });
      expect(res.status, await res.text()).toBe(200);
      expect(live.requests.map((r) => `${r.api} ${r.status}`)).toEqual(['sts 200', 'execute-api 200']);
      expect(live.requests[1]?.headers['x-amz-security-token']).toBeTruthy();
    } finally {
      await live.close();
    }
  });

  it('recovers from clock skew with the Date header of a gateway 10 minutes ahead', async () => {
    const ahead = await startGateway({ now: () => Date.now() + 10 * 60_000 });
    try {
      const s = createSigner({ region: ahead.region, service: ahead.service, credentials: TEST_CREDENTIALS });
      const first = await s.sign({ url: `${ahead.url}/skew` });
      const denied = await fetch(first.url, { headers: first.headers });
      const body = await denied.json();
      expect(denied.status).toBe(403);
      expect(isClockSkewError(body)).toBe(true);
      s.correctClockSkew(denied.headers.get('date') ?? '');
      const second = await s.sign({ url: `${ahead.url}/skew` });
      expect((await fetch(second.url, { headers: second.headers })).status).toBe(200);
    } finally {
      await ahead.close();
    }
  });

  it('agrees with the gateway on random paths, queries and header values (fast-check, fixed seed)', async () => {
    const text = fc.string({
      unit: fc.constantFrom(
        'a',
        'Z',
        '0',
        ' ',
        '-',
        '_',
        '.',
        '~',
        '!',
        '*',
        "'",
        '(',
        ')',
        '/',
        '?',
        '&',
        '=',
        '+',
        '%',
        'é',
        'ሴ',
        '😀',
        ':',
        '@',
        ',',
      ),
      maxLength: 8,
    });
    const segment = text.filter((s) => s !== '.' && s !== '..').map((s) => encodeURIComponent(s));
    const param = fc.tuple(text, text).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
    const header = fc.string({ unit: fc.constantFrom('a', ' ', 'b', '\t', ',', '"'), maxLength: 10 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { maxLength: 4 }),
        fc.array(param, { maxLength: 4 }),
        header,
        async (segments, params, value) => {
          const path = `/${segments.filter((s) => s !== '').join('/')}${params.length ? `?${params.join('&')}` : ''}`;
          const {
            status,
            text: body,
            record,
          } = await roundTrip({ url: `${gw.url}${path}`, headers: { 'x-value': value } });
          const explained = await signer.explain({ url: `${gw.url}${path}`, headers: { 'x-value': value } });
          expect(status, body).toBe(200);
          expect(canonicalOnServer(record)).toBe(explained.canonicalRequest);
        },
      ),
      { numRuns: 60, seed: 20150830 },
    );
  });
});
