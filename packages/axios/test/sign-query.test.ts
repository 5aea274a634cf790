import { type AwsCredentialIdentity, fromAssumeRole } from '@sigv4/core';
import { type Gateway, startGateway, TEST_API_KEY, TEST_CREDENTIALS, TEST_ROLE_ARN } from '@sigv4/gateway';
import axios, { type AxiosAdapter } from 'axios';
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
  // A session token makes the presigned URL carry a secret, which errors must mask.
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

describe('a presigned request (signQuery) retried by axios-retry', () => {
  it("is signed for the URL's host on every attempt when the instance sets a Host the fetch adapter drops", async () => {
    // the instance's headers come back into every attempt's config, Host included
    const api = axios.create({
      baseURL: gw.url,
      proxy: false,
      adapter: 'fetch',
      headers: { 'x-api-key': TEST_API_KEY, Host: 'api.example.com' },
    });
    // registered before the signer, so it sees each attempt as signed
    const adapters: unknown[] = [];
    api.interceptors.request.use((config) => {
      adapters.push(config.adapter);
      return config;
    });
    attachSigV4(api, { region: gw.region, service: 'execute-api', credentials, signQuery: true });
    axiosRetry(api, { retries: 3, retryDelay: () => 0, retryCondition: (e) => e.response?.status === 503 });
    failNext = 2;

    const response = await api.get('/items');

    expect(response.status).toBe(200);
    const wire = gw.requests.filter((r) => r.api === 'execute-api');
    expect(wire.map((r) => r.status)).toEqual([503, 503, 200]);
    for (const request of wire) {
      expect(request.headers['host']).toBe(new URL(gw.url).host);
      expect(new URLSearchParams(request.query).get('X-Amz-SignedHeaders')).toBe('accept;host;x-api-key');
    }
    // one wrapper around the real adapter, the same on every attempt, not one more per attempt
    expect(adapters).toHaveLength(3);
    expect(new Set(adapters).size).toBe(1);
    expect(typeof adapters[0]).toBe('function');
    expect((adapters[0] as AxiosAdapter).name).not.toBe('fetch');
  });
});
