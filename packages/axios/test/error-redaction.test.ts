import { Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { type AwsCredentialIdentity, fromAssumeRole } from '@sigv4/core';
import { type Gateway, startGateway, TEST_API_KEY, TEST_CREDENTIALS, TEST_ROLE_ARN } from '@sigv4/gateway';
import axios, { type AxiosError } from 'axios';
import axiosRetry from 'axios-retry';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attachSigV4 } from '../src/index.js';

let gw: Gateway;
let credentials: AwsCredentialIdentity;
/** The gateway answers 503 to the next `failNext` API calls. */
let failNext = 0;

beforeAll(async () => {
  gw = await startGateway({
    apiKeys: [TEST_API_KEY],
    handler: () => {
      if (failNext > 0) {
        failNext -= 1;
        return { statusCode: 503, body: '{"message":"Service Unavailable"}' };
      }
      return { statusCode: 200, body: '{"ok":true}' };
    },
  });
  credentials = await fromAssumeRole({
    roleArn: TEST_ROLE_ARN,
    masterCredentials: TEST_CREDENTIALS,
    clientConfig: { region: gw.region, endpoint: gw.stsUrl },
  })();
});
afterAll(async () => {
  await gw.close();
});
beforeEach(() => {
  gw.requests.length = 0;
  failNext = 0;
});

/** Every surface a logger or error middleware may print. */
function surfacesOf(error: AxiosError): string[] {
  return [
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    inspect(error, { depth: Number.POSITIVE_INFINITY }),
    inspect({ error }),
    JSON.stringify(error),
    JSON.stringify(error.toJSON()),
    String(error.message),
    String(error.stack),
    inspect(error.cause, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    inspect(error.config, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    inspect(error.request, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    inspect(error.response, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  ];
}

function expectNoSecret(error: unknown): void {
  expect(axios.isAxiosError(error)).toBe(true);
  const token = credentials.sessionToken as string;
  for (const text of surfacesOf(error as AxiosError)) {
    expect(text).not.toContain(token);
    expect(text).not.toContain(credentials.secretAccessKey);
  }
}

describe('an AxiosError of a signed request', () => {
  for (const adapter of ['http', 'fetch'] as const) {
    it(`shows no session token after a 403 from the gateway, while the token went on the wire (${adapter} adapter)`, async () => {
      const api = axios.create({ baseURL: gw.url, proxy: false, adapter });
      attachSigV4(api, { region: gw.region, service: 'execute-api', credentials });
      const error = await api.post('/items', { a: 1 }).catch((e: unknown) => e);
      expect((error as AxiosError).response?.status).toBe(403);
      expectNoSecret(error);
      const wire = gw.requests.filter((r) => r.api === 'execute-api');
      expect(wire).toHaveLength(1);
      expect(wire[0]?.headers['x-amz-security-token']).toBe(credentials.sessionToken);
    });

    it(`shows no session token when the connection is refused (${adapter} adapter)`, async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const api = axios.create({ baseURL: `http://127.0.0.1:${port}`, proxy: false, adapter });
      attachSigV4(api, { region: gw.region, service: 'execute-api', credentials });
      const error = await api.get('/items').catch((e: unknown) => e);
      expect(['ECONNREFUSED', 'ERR_NETWORK']).toContain((error as AxiosError).code);
      expectNoSecret(error);
    });
  }

  it('leaves requests queued behind the failed one on the same agent intact: they are sent with the real token, the error shows none', async () => {
    const httpAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const api = axios.create({
        baseURL: gw.url,
        proxy: false,
        adapter: 'http',
        httpAgent,
        headers: { 'x-api-key': TEST_API_KEY },
      });
      attachSigV4(api, { region: gw.region, service: 'execute-api', credentials });
      const [refused, ...accepted] = await Promise.allSettled([
        api.get('/items', { headers: { 'x-api-key': 'wrong' } }),
        api.get('/items'),
        api.get('/items'),
      ]);
      expect(refused.status === 'rejected' && (refused.reason as AxiosError).response?.status).toBe(403);
      // Requests still queued on the agent hold the same token until they are sent: only the error's own parts are masked.
      const error = (refused as PromiseRejectedResult).reason as AxiosError;
      for (const text of [
        inspect(error),
        JSON.stringify(error),
        inspect(error.config),
        JSON.stringify(error.config?.headers),
        String(error.stack),
      ]) {
        expect(text).not.toContain(credentials.sessionToken);
      }
      expect(accepted.map((a) => a.status === 'fulfilled' && a.value.status)).toEqual([200, 200]);
      const wire = gw.requests.filter((r) => r.api === 'execute-api');
      expect(wire.map((r) => r.headers['x-amz-security-token'])).toEqual(Array(3).fill(credentials.sessionToken));
    } finally {
      httpAgent.destroy();
    }
  });

  it('can still be retried by axios-retry: the retry is signed afresh with the real token', async () => {
    const api = axios.create({ baseURL: gw.url, proxy: false, headers: { 'x-api-key': TEST_API_KEY } });
    attachSigV4(api, { region: gw.region, service: 'execute-api', credentials });
    axiosRetry(api, { retries: 2, retryDelay: () => 0, retryCondition: (e) => e.response?.status === 503 });
    failNext = 1;
    const response = await api.get('/items');
    expect(response.status).toBe(200);
    const wire = gw.requests.filter((r) => r.api === 'execute-api');
    expect(wire.map((r) => r.headers['x-amz-security-token'])).toEqual([
      credentials.sessionToken,
      credentials.sessionToken,
    ]);
  });
});

describe('an AxiosError of a presigned request (signQuery)', () => {
  for (const adapter of ['http', 'fetch'] as const) {
    it(`shows no session token, raw or percent-encoded, while the token went in the URL (${adapter} adapter)`, async () => {
      failNext = 1;
      const api = axios.create({ baseURL: gw.url, proxy: false, adapter, headers: { 'x-api-key': TEST_API_KEY } });
      attachSigV4(api, { region: gw.region, service: 'execute-api', credentials, signQuery: true });
      const error = await api.get('/items').catch((e: unknown) => e);

      expect((error as AxiosError).response?.status).toBe(503);
      expectNoSecret(error);
      for (const text of surfacesOf(error as AxiosError)) {
        expect(text).not.toContain(encodeURIComponent(credentials.sessionToken as string));
      }
      const wire = gw.requests.filter((r) => r.api === 'execute-api');
      expect(new URLSearchParams(wire[0]?.query).get('X-Amz-Security-Token')).toBe(credentials.sessionToken);
    });
  }
});
