import { createSigner } from '@sigv4/core';
import axios from 'axios';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { attachSigV4 } from '../src/index.js';
import { AMZ_DATE, CREDENTIALS, FIXED_DATE, HOST, ORIGIN, oracleAuthorization, REGION, SERVICE } from './helpers.js';

interface Received {
  method: string;
  target: string;
  headers: Record<string, string>;
  body: Buffer;
}
let received: Received[] = [];

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => {
  nock.cleanAll();
  received = [];
});

function intercept(method: 'get' | 'post' | 'put'): void {
  nock(ORIGIN)
    [method](() => true)
    .query(true)
    .reply(async (request: Request) => {
      const url = new URL(request.url);
      received.push({
        method: request.method,
        target: url.pathname + url.search,
        headers: Object.fromEntries(request.headers),
        body: Buffer.from(await request.arrayBuffer()),
      });
      return [200, '{}', { 'content-type': 'application/json' }];
    });
}

function signedClient(extra: Record<string, unknown> = {}) {
  const api = axios.create({ baseURL: `${ORIGIN}/dev` });
  attachSigV4(api, { region: REGION, service: SERVICE, credentials: CREDENTIALS, now: () => FIXED_DATE, ...extra });
  return api;
}

/** The headers the signature must cover, taken from what arrived (x-amz-date is added by the oracle). */
function pick(headers: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, headers[name]!]));
}

describe('the Authorization header for a fixed clock and static credentials', () => {
  it("is exactly AWS's for the seed GET ?client=axios", async () => {
    intercept('get');
    await signedClient().get('/hello', { params: { client: 'axios' } });
    const [wire] = received;
    expect(wire!.headers['x-amz-date']).toBe(AMZ_DATE);
    expect(wire!.target).toBe('/dev/hello?client=axios');
    expect(wire!.headers['authorization']).toBe(
      await oracleAuthorization({
        method: 'GET',
        target: wire!.target,
        headers: pick(wire!.headers, ['host', 'accept']),
        body: '',
      }),
    );
    expect(wire!.headers['authorization']).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/${REGION}/${SERVICE}/aws4_request, SignedHeaders=accept;host;x-amz-date, Signature=[0-9a-f]{64}$`,
      ),
    );
  });

  it("is exactly AWS's for the seed POST { client: 'axios' } with x-api-key", async () => {
    intercept('post');
    await signedClient().post('/hello', { client: 'axios' }, { headers: { 'x-api-key': 'test-key' } });
    const [wire] = received;
    expect(wire!.body.toString()).toBe('{"client":"axios"}');
    expect(wire!.headers['authorization']).toBe(
      await oracleAuthorization({
        method: 'POST',
        target: wire!.target,
        headers: pick(wire!.headers, ['host', 'accept', 'content-type', 'x-api-key']),
        body: wire!.body,
      }),
    );
    expect(wire!.headers['authorization']).toContain('SignedHeaders=accept;content-type;host;x-amz-date;x-api-key,');
  });

  it("is exactly AWS's for params with spaces, unicode, arrays and reserved characters", async () => {
    intercept('put');
    await signedClient().put('/items/a b', Buffer.from([0, 1, 2, 255]), {
      params: { q: "it's *~ (x)", city: 'Zürich', tags: ['b', 'a'] },
      headers: { 'Content-Type': 'application/octet-stream', 'X-Custom': '  spaced   value ' },
    });
    const [wire] = received;
    expect(wire!.headers['authorization']).toBe(
      await oracleAuthorization({
        method: 'PUT',
        target: wire!.target,
        headers: pick(wire!.headers, ['host', 'accept', 'content-type', 'x-custom']),
        body: wire!.body,
      }),
    );
  });

  it('adds x-amz-security-token for temporary credentials and signs it', async () => {
    const temporary = { ...CREDENTIALS, accessKeyId: 'ASIDEXAMPLE', sessionToken: 'session-token-value' };
    intercept('get');
    await signedClient({ credentials: temporary }).get('/t');
    const [wire] = received;
    expect(wire!.headers['x-amz-security-token']).toBe('session-token-value');
    expect(wire!.headers['authorization']).toBe(
      await oracleAuthorization({
        method: 'GET',
        target: wire!.target,
        headers: pick(wire!.headers, ['host', 'accept']),
        body: '',
        credentials: temporary,
      }),
    );
  });

  it('shares one signer between clients with { signer }', async () => {
    const signer = createSigner({ region: REGION, service: SERVICE, credentials: CREDENTIALS, now: () => FIXED_DATE });
    const api = axios.create({ baseURL: `https://${HOST}/dev` });
    attachSigV4(api, { signer });
    intercept('get');
    await api.get('/hello', { params: { client: 'axios' } });
    intercept('get');
    await signedClient().get('/hello', { params: { client: 'axios' } });
    expect(received[0]!.headers['authorization']).toBe(received[1]!.headers['authorization']);
  });
});
