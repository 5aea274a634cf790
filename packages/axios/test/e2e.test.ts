import { Readable } from 'node:stream';
import {
  createSigner,
  fromAssumeRole,
  isClockSkewError,
  isSigV4Error,
  type SignableRequest,
  type Signer,
  type SignerOptions,
} from '@sigv4/core';
import {
  type Gateway,
  type RecordedRequest,
  startGateway,
  TEST_API_KEY,
  TEST_CREDENTIALS,
  TEST_ROLE_ARN,
} from '@sigv4/gateway';
import axios, {
  AxiosError,
  type AxiosInstance,
  type AxiosRequestConfig,
  type CreateAxiosDefaults,
  isAxiosError,
} from 'axios';
import axiosRetry from 'axios-retry';
import FormDataPackage from 'form-data';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeAdapterContract } from '../../../test-support/adapter-contract.js';
import { attachSigV4, presignUrl } from '../src/index.js';
import { bodyBytes } from './helpers.js';

const REGION = 'eu-central-1';
const SERVICE = 'execute-api';

/** Headers the README tells users to leave out of signer.explain(): set by the signer, or never signed. */
const NOT_SIGNED = [
  'authorization',
  'x-amz-date',
  'x-amz-security-token',
  'user-agent',
  'accept-encoding',
  'content-length',
  'connection',
];

let gw: Gateway;
/** The gateway answers 503 to the next `failNext` API calls (for the retry test). */
let failNext = 0;

beforeAll(async () => {
  gw = await startGateway({
    apiKeys: [TEST_API_KEY],
    handler: (event) => {
      if (failNext > 0) {
        failNext -= 1;
        return { statusCode: 503, body: JSON.stringify({ message: 'Service Unavailable' }) };
      }
      return {
        statusCode: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          method: event.httpMethod,
          path: event.path,
          params: event.multiValueQueryStringParameters,
          body: event.body,
          isBase64Encoded: event.isBase64Encoded,
        }),
      };
    },
  });
});
afterAll(async () => {
  await gw.close();
});
beforeEach(() => {
  gw.requests.length = 0;
  failNext = 0;
});

/** A signer that signs with @sigv4/core and remembers each request it signed. */
function recordingSigner(options: SignerOptions = {}): { signer: Signer; signed: SignableRequest[] } {
  const real = createSigner({ region: REGION, service: SERVICE, credentials: TEST_CREDENTIALS, ...options });
  const signed: SignableRequest[] = [];
  const signer = Object.create(real) as Signer;
  signer.sign = (request) => {
    signed.push(request);
    return real.sign(request);
  };
  return { signer, signed };
}

function client(config: CreateAxiosDefaults = {}, options: SignerOptions = {}) {
  const { signer, signed } = recordingSigner(options);
  const api = axios.create({ baseURL: gw.url, headers: { 'x-api-key': TEST_API_KEY }, proxy: false, ...config });
  attachSigV4(api, { signer });
  return { api, signed };
}

function apiRequests(): RecordedRequest[] {
  return gw.requests.filter((r) => r.api === 'execute-api');
}

/**
 * The request the gateway received is byte for byte the one that was signed: request target,
 * every signed header value, body; and the gateway accepted the signature.
 */
function expectWireMatchesSigned(signedRequest: SignableRequest, wire: RecordedRequest): void {
  const url = new URL(String(signedRequest.url));
  expect(wire.target).toBe(url.pathname + url.search);
  expect(wire.method).toBe(signedRequest.method);
  for (const [name, value] of Object.entries(signedRequest.headers as Record<string, string | string[]>)) {
    // header bytes arrive as a byte string; the signer hashed the value as UTF-8
    const onWire = wire.rawHeaders
      .filter(([n]) => n.toLowerCase() === name)
      .map(([, v]) => Buffer.from(v, 'latin1').toString('utf8'));
    // a repeated header may go out as several lines (Node) or one comma-joined line (fetch): same canonical value
    expect(onWire.join(','), name).toBe(Array.isArray(value) ? value.join(',') : value);
  }
  expect(wire.body.equals(bodyBytes(signedRequest.body)), 'body bytes').toBe(true);
  const signedHeaderNames = /SignedHeaders=([^,]+)/.exec(wire.headers['authorization'] ?? '')?.[1]?.split(';') ?? [];
  expect(signedHeaderNames).toContain('host');
  for (const unsigned of ['user-agent', 'accept-encoding', 'content-length', 'connection']) {
    expect(signedHeaderNames).not.toContain(unsigned);
  }
  expect(wire.status).toBe(200);
}

async function roundTrip(api: AxiosInstance, signed: SignableRequest[], config: AxiosRequestConfig) {
  const response = await api.request(config);
  expect(response.status).toBe(200);
  const wire = apiRequests();
  expect(wire).toHaveLength(1);
  expect(signed).toHaveLength(1);
  expectWireMatchesSigned(signed[0]!, wire[0]!);
  return { response, wire: wire[0]!, signedRequest: signed[0]! };
}

for (const adapter of ['http', 'fetch'] as const) {
  describe(`signed requests are accepted by the gateway (${adapter} adapter)`, () => {
    it('joins baseURL and a relative url with nested paths', async () => {
      const { api, signed } = client({ adapter, baseURL: `${gw.url}/v1/` });
      const { wire } = await roundTrip(api, signed, { url: 'items/a b/ü' });
      expect(wire.target).toBe('/dev/v1/items/a%20b/%C3%BC');
    });

    it("signs params with spaces, unicode, arrays, '*', '~' and quotes", async () => {
      const { api, signed } = client({ adapter });
      const params = { q: "it's a *test* ~ok~ (1+1)", city: 'São Paulo 東京', tags: ['a b', 'c'], empty: '' };
      const { response } = await roundTrip(api, signed, { url: 'search', params });
      expect(response.data.params).toEqual({
        q: [params.q],
        city: [params.city],
        'tags[]': ['a b', 'c'],
        empty: [''],
      });
    });

    it('signs the query built by a custom paramsSerializer, even one that leaves characters unencoded', async () => {
      const { api, signed } = client({
        adapter,
        paramsSerializer: (p: Record<string, string[]>) =>
          Object.entries(p)
            .flatMap(([k, values]) => values.map((v) => `${k}=${v}`))
            .join('&'),
      });
      const { response, wire } = await roundTrip(api, signed, { url: 'raw', params: { k: ['a b', "x'y", 'z~*'] } });
      expect(wire.query).not.toContain(' ');
      expect(response.data.params).toEqual({ k: ['a b', "x'y", 'z~*'] });
    });

    it('signs the query built with the { encode, indexes } form of paramsSerializer', async () => {
      const { api, signed } = client({
        adapter,
        paramsSerializer: { indexes: null, encode: (value: string) => encodeURIComponent(value) },
      });
      const { response, wire } = await roundTrip(api, signed, { url: 'enc', params: { tags: ['a b', "c'd"], n: 1 } });
      expect(wire.query).toBe('tags=a%20b&tags=c%27d&n=1');
      expect(response.data.params).toEqual({ tags: ['a b', "c'd"], n: ['1'] });
    });

    it('signs a form body, a binary body of all 256 byte values and an empty body', async () => {
      const form = client({ adapter });
      const sentForm = await roundTrip(form.api, form.signed, {
        url: 'f',
        method: 'post',
        data: new URLSearchParams({ a: 'b c', é: '&=' }),
      });
      expect(sentForm.wire.body.toString()).toBe('a=b+c&%C3%A9=%26%3D');

      gw.requests.length = 0;
      const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      const bin = client({ adapter });
      const sentBin = await roundTrip(bin.api, bin.signed, {
        url: 'bin',
        method: 'put',
        data: bytes,
        headers: { 'Content-Type': 'application/octet-stream' },
      });
      expect(sentBin.wire.body.equals(bytes)).toBe(true);

      gw.requests.length = 0;
      const empty = client({ adapter });
      const sentEmpty = await roundTrip(empty.api, empty.signed, { url: 'e', method: 'post' });
      expect(sentEmpty.wire.body.length).toBe(0);
    });

    it('signs a FormData body as its multipart bytes and a Blob as its bytes', async () => {
      const form = new FormData();
      form.append('field', 'välue');
      form.append('file', new Blob(['file body'], { type: 'text/plain' }), 'a.txt');
      const multi = client({ adapter });
      const sentForm = await roundTrip(multi.api, multi.signed, { url: 'form', method: 'post', data: form });
      const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(sentForm.wire.headers['content-type']!)?.[1];
      expect(sentForm.wire.body.toString()).toContain(`--${boundary}\r\nContent-Disposition: form-data; name="field"`);
      expect(sentForm.wire.body.toString()).toContain('file body');

      gw.requests.length = 0;
      const blob = client({ adapter });
      const sentBlob = await roundTrip(blob.api, blob.signed, {
        url: 'blob',
        method: 'put',
        data: new Blob([new Uint8Array([1, 2, 3])], { type: 'application/x-thing' }),
      });
      expect([...sentBlob.wire.body]).toEqual([1, 2, 3]);
      expect(sentBlob.wire.headers['content-type']).toBe('application/x-thing');
    });

    it('signs GET, POST, PUT, PATCH, DELETE and HEAD', async () => {
      for (const method of ['get', 'post', 'put', 'patch', 'delete', 'head'] as const) {
        gw.requests.length = 0;
        const { api, signed } = client({ adapter });
        const data = method === 'get' || method === 'head' || method === 'delete' ? undefined : { method };
        const { wire } = await roundTrip(api, signed, { url: `m/${method}`, method, data });
        expect(wire.method).toBe(method.toUpperCase());
      }
    });

    it('signs custom headers, including non-ASCII values (sent as UTF-8), empty values and repeated spaces', async () => {
      const { api, signed } = client({ adapter, headers: { common: { 'X-Common': 'c' }, 'x-api-key': TEST_API_KEY } });
      const { wire } = await roundTrip(api, signed, {
        url: 'h',
        headers: {
          'X-Trace': 'a   b',
          'X-Name': 'Jos\u00e9 \u2603',
          'X-Empty': '',
          'X-Number': 42,
          'X-Multi': ['one', 'two'],
        },
      });
      const name = wire.rawHeaders.find(([n]) => n.toLowerCase() === 'x-name')![1];
      expect(Buffer.from(name, 'latin1')).toEqual(Buffer.from('Jos\u00e9 \u2603', 'utf8'));
      const signedNames = /SignedHeaders=([^,]+)/.exec(wire.headers['authorization']!)![1]!.split(';');
      expect(signedNames).toEqual(
        expect.arrayContaining(['x-common', 'x-trace', 'x-name', 'x-number', 'x-multi', 'x-api-key', 'host']),
      );
    });
  });
}

describe('a Host header of the caller', () => {
  it('is signed and sent by the http adapter (the gateway, like API Gateway, checks the Host it received)', async () => {
    const { api, signed } = client({ adapter: 'http' });
    const { wire, signedRequest } = await roundTrip(api, signed, {
      url: '/v1/a',
      headers: { Host: 'api.example.com' },
    });
    expect(wire.headers['host']).toBe('api.example.com');
    expect(signedRequest.headers).toMatchObject({ host: 'api.example.com' });
  });

  // undici replaces Host with the URL's (browsers' fetch and XHR drop it): the URL's host is signed
  for (const adapter of ['fetch', ['xhr', 'fetch']] as const) {
    it(`is left out with adapter ${JSON.stringify(adapter)}, so the URL's host is signed and sent`, async () => {
      const { api, signed } = client({ adapter: [...[adapter].flat()] });
      const { wire, signedRequest } = await roundTrip(api, signed, {
        url: '/v1/a',
        headers: { Host: 'API.Example.com:443' },
      });
      expect(wire.headers['host']).toBe(new URL(gw.url).host);
      expect(Object.keys(signedRequest.headers ?? {})).not.toContain('host');
    });
  }

  it('reaches a custom adapter function unchanged', async () => {
    const { api } = client({
      adapter: async (config) => ({
        data: config.headers.get('Host'),
        status: 200,
        statusText: 'OK',
        headers: {},
        config,
      }),
    });
    const { data } = await api.get('/v1/a', { headers: { Host: 'api.example.com' } });
    expect(data).toBe('api.example.com');
  });
});

describe('credentials, failures and retries against the gateway', () => {
  it('hands a 403 for a tampered request back as an ordinary AxiosError that explains the mismatch', async () => {
    const { signer } = recordingSigner();
    const tampered = axios.create({ baseURL: gw.url, headers: { 'x-api-key': TEST_API_KEY }, proxy: false });
    // registered before the signer, so it runs after it and changes a signed header
    tampered.interceptors.request.use((config) => {
      config.headers.set('X-Custom', 'changed-after-signing');
      return config;
    });
    attachSigV4(tampered, { signer });
    const error = await tampered.get('/t', { headers: { 'X-Custom': 'original' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AxiosError);
    const response = (error as AxiosError<{ message: string }>).response!;
    expect(response.status).toBe(403);
    expect(response.data.message).toMatch(/signature/i);
    expect(apiRequests()[0]!.errorType).toBeDefined();
  });

  it("follows the README's 403 recipe: signer.explain() over error.config gives the canonical request the service expected", async () => {
    const now = () => new Date('2026-01-02T03:04:05Z');
    const fixedGw = await startGateway({ now });
    try {
      // the right access key with a wrong secret: the canonical requests agree, the signatures do not
      const signer = createSigner({
        region: REGION,
        service: SERVICE,
        credentials: { accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: 'not-the-secret' },
        now,
      });
      const api = axios.create({ baseURL: fixedGw.url, proxy: false });
      attachSigV4(api, { signer });
      const error = await api.post('/items', { client: 'axios' }, { params: { q: 'a b' } }).catch((e: unknown) => e);

      // --- the recipe, as in README.md ---
      if (!isAxiosError(error) || error.response?.status !== 403) throw error;
      const reason = (error.response.data as { message: string }).message; // the service's own canonical request
      const { method = 'get', url = '', headers, data } = error.config!;
      const sent = Object.entries(headers.toJSON(true) as Record<string, string>).filter(
        ([name]) => !NOT_SIGNED.includes(name.toLowerCase()),
      );
      const { canonicalRequest } = await signer.explain({ method, url, headers: sent, body: data });
      // --- end of the recipe ---

      expect(reason).toContain(`The Canonical String for this request should have been\n'${canonicalRequest}'`);
    } finally {
      await fixedGw.close();
    }
  });

  it('rejects a stream with UNSUPPORTED_BODY and sends nothing unless unsigned payloads are allowed', async () => {
    const strict = client();
    const error = await strict.api
      .put('/upload', Readable.from([Buffer.from('chunk-1 '), Buffer.from('chunk-2')]), {
        headers: { 'Content-Type': 'application/octet-stream' },
      })
      .catch((e: unknown) => e);
    expect(isSigV4Error(error) && error.code).toBe('UNSUPPORTED_BODY');
    expect(apiRequests()).toHaveLength(0);
  });

  it('streams a form-data (npm) body with a stream part, its boundary signed, when unsigned payloads are allowed, and refuses it otherwise', async () => {
    const form = () => {
      const f = new FormDataPackage();
      f.append('field', 'value');
      f.append('file', Readable.from([Buffer.from('streamed part')]), 'f.txt');
      return f;
    };
    const strict = client();
    const error = await strict.api.post('/form', form()).catch((e: unknown) => e);
    expect(isSigV4Error(error) && error.code).toBe('UNSUPPORTED_BODY');

    const s3Like = await startGateway({ allowUnsignedPayload: true });
    try {
      const api = axios.create({ baseURL: s3Like.url, proxy: false });
      attachSigV4(api, { region: REGION, service: SERVICE, credentials: TEST_CREDENTIALS, unsignedPayload: true });
      const response = await api.post('/form', form());
      expect(response.status).toBe(200);
      const [wire] = s3Like.requests;
      const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(wire!.headers['content-type']!)?.[1];
      expect(boundary).toBeTruthy();
      expect(wire!.headers['authorization']).toMatch(/SignedHeaders=[^,]*content-type/);
      expect(wire!.body.toString()).toContain(
        `--${boundary}\r\nContent-Disposition: form-data; name="field"\r\n\r\nvalue`,
      );
      expect(wire!.body.toString()).toContain('streamed part');
    } finally {
      await s3Like.close();
    }
  });

  it('sends 200 concurrent requests while the credentials refresh, and none is rejected', async () => {
    const assumeRole = fromAssumeRole({
      roleArn: TEST_ROLE_ARN,
      masterCredentials: TEST_CREDENTIALS,
      clientConfig: { endpoint: gw.stsUrl, region: REGION },
    });
    let refreshes = 0;
    // Each set of credentials claims to expire 5 minutes + 40 ms from now: the signer's
    // 5-minute refresh margin makes it fetch new ones every ~40 ms during the burst.
    const credentials = async () => {
      refreshes += 1;
      const fresh = await assumeRole();
      return { ...fresh, expiration: new Date(Date.now() + 5 * 60_000 + 40) };
    };
    const { api } = client({}, { credentials });
    const results = await Promise.allSettled(
      Array.from(
        { length: 200 },
        (_, i) =>
          new Promise<number>((resolve, reject) => {
            setTimeout(() => {
              api.post(`burst/${i}`, { i }, { params: { i } }).then((r) => resolve(r.status), reject);
            }, i * 2);
          }),
      ),
    );
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toEqual([]);
    const accepted = apiRequests().filter((r) => r.status === 200);
    expect(accepted).toHaveLength(200);
    const keys = new Set(accepted.map((r) => /Credential=(\w+)\//.exec(r.headers['authorization']!)![1]));
    expect(refreshes).toBeGreaterThan(1);
    expect(keys.size).toBeGreaterThan(1);
  });

  it('works with axios-retry: the retried attempt is signed afresh and accepted', async () => {
    const { api, signed } = client();
    axiosRetry(api, { retries: 2, retryDelay: () => 0, retryCondition: (e) => e.response?.status === 503 });
    failNext = 1;
    const response = await api.post(
      'retry',
      { client: 'axios' },
      { params: { q: 'a b' }, headers: { 'X-Custom': 'v' } },
    );
    expect(response.status).toBe(200);
    const wire = apiRequests();
    expect(wire.map((r) => r.status)).toEqual([503, 200]);
    expect(signed).toHaveLength(2);
    expectWireMatchesSigned(signed[1]!, wire[1]!);
    expect(wire[1]!.target).toBe(wire[0]!.target);
    expect(wire[1]!.body.equals(wire[0]!.body)).toBe(true);
    for (const name of ['authorization', 'x-amz-date']) {
      expect(wire[1]!.rawHeaders.filter(([n]) => n.toLowerCase() === name)).toHaveLength(1);
    }
  });
});

/** The seed's calls, a tampered request, STS, streams and clock skew, as every adapter runs them. */
for (const adapter of ['http', 'fetch'] as const) {
  describeAdapterContract(
    'axios',
    ({ headers, signing, tamperAfterSigning, clockSkewRecipe }) => {
      const api = axios.create({ adapter, headers, proxy: false });
      // registered before the signer, so it runs after it
      if (tamperAfterSigning) {
        api.interceptors.request.use((config) => {
          config.headers.set('x-contract', 'changed');
          return config;
        });
      }
      attachSigV4(api, signing);
      if (clockSkewRecipe) {
        // the README's recipe
        api.interceptors.response.use(undefined, async (error: unknown) => {
          if (!isAxiosError(error) || !error.config || error.response?.status !== 403) throw error;
          const config = error.config as typeof error.config & { skewCorrected?: boolean };
          if (config.skewCorrected || !isClockSkewError(error.response.data)) throw error;
          clockSkewRecipe.correctClockSkew(String(error.response.headers['date'] ?? Date.now()));
          return api.request({ ...config, skewCorrected: true } as typeof config);
        });
      }
      return {
        async send({ method, url, query, headers: extra, json, stream }) {
          const data = stream ? Readable.from(stream.map((chunk) => Buffer.from(chunk))) : json;
          const contentType = stream ? { 'content-type': 'text/plain' } : {};
          try {
            const res = await api.request({
              method,
              url,
              params: query ?? {},
              data,
              headers: { ...extra, ...contentType },
            });
            return { status: res.status, body: res.data };
          } catch (error) {
            if (isAxiosError(error) && error.response)
              return { status: error.response.status, body: error.response.data };
            throw error;
          }
        },
      };
    },
    { streams: adapter === 'http', variant: `${adapter} adapter`, presignUrl },
  );
}
