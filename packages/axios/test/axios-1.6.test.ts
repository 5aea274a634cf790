import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Gateway, startGateway, TEST_API_KEY, TEST_CREDENTIALS } from '@sigv4/gateway';
import type { InternalAxiosRequestConfig } from 'axios';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

// The oldest axios the peer range allows (>= 1.6): `axios` resolves to axios@1.6.0 for this file,
// in the interceptor's own imports too (vi.mock replaces the module everywhere).
vi.mock('axios', async () => import('axios16'));

const { default: axios, Axios } = await import('axios');
const { attachSigV4 } = await import('../src/index.js');
const { resolveRequestUrl } = await import('../src/resolve-url.js');

let gw: Gateway;
beforeAll(async () => {
  gw = await startGateway({ apiKeys: [TEST_API_KEY] });
});
afterAll(async () => {
  await gw.close();
});
beforeEach(() => {
  gw.requests.length = 0;
});

function client() {
  const api = axios.create({ baseURL: `${gw.url}/v1/`, headers: { 'x-api-key': TEST_API_KEY }, proxy: false });
  attachSigV4(api, { region: 'eu-central-1', service: 'execute-api', credentials: TEST_CREDENTIALS });
  return api;
}

describe('with axios 1.6.0, the lowest supported version', () => {
  it('is really axios 1.6.0', () => {
    expect(axios.VERSION).toBe('1.6.0');
  });

  it('signs GET with params and POST with JSON, and the gateway accepts both', async () => {
    const api = client();
    const get = await api.get('items', { params: { client: 'axios', q: "a b*~'é", tags: ['x', 'y'] } });
    expect(get.data.params).toEqual({ client: 'axios', q: "a b*~'é", 'tags[]': 'y' });
    const post = await api.post('items', { client: 'axios' }, { headers: { 'X-Custom': 'v' } });
    expect(post.data.body).toEqual({ client: 'axios' });
    expect(gw.requests.map((r) => r.status)).toEqual([200, 200]);
  });

  it("signs the URL axios 1.6's own getUri builds for flat params, `[` and `]` included", () => {
    const text = fc.string({ unit: fc.constantFrom(...' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~é😀a'), maxLength: 8 });
    fc.assert(
      fc.property(
        fc.dictionary(text, fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 4 }),
        fc.constantFrom('items', '/items?x=1', 'items#f'),
        (params, url) => {
          const config = { baseURL: 'https://api.example.com/v1/', url, params };
          const expected = new URL(new Axios({}).getUri(config));
          expected.hash = '';
          expect(resolveRequestUrl(config as InternalAxiosRequestConfig)).toBe(expected.href);
        },
      ),
      { numRuns: 300, seed: 0x16 },
    );
  });

  it('signs form, binary and empty bodies, and a re-sent config afresh', async () => {
    const api = client();
    await api.put('f', new URLSearchParams({ a: 'b c' }));
    await api.patch('b', Buffer.from([0, 255]), { headers: { 'Content-Type': 'application/octet-stream' } });
    const empty = await api.delete('e');
    await api.request(empty.config);
    expect(gw.requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      'PUT 200',
      'PATCH 200',
      'DELETE 200',
      'DELETE 200',
    ]);
  });

  it('signs and sends a Host header of the caller with the default (http) adapter', async () => {
    const res = await client().get('items', { headers: { Host: 'api.example.com' } });
    expect(res.status).toBe(200);
    expect(gw.requests[0]!.headers['host']).toBe('api.example.com');
    expect(gw.requests[0]!.headers['authorization']).toMatch(/SignedHeaders=[^,]*\bhost\b/);
  });

  it('signs postForm as multipart bytes, and sends no signing headers to a redirect target', async () => {
    const api = client();
    const form = await api.postForm('form', { a: 'b c' });
    expect(form.status).toBe(200);
    expect(gw.requests[0]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);

    let landed: Record<string, unknown> = {};
    const target = createServer((req, res) => {
      landed = req.headers;
      res.end('landed');
    });
    const redirector = createServer((_req, res) => {
      res.writeHead(302, { location: `http://localhost:${(target.address() as AddressInfo).port}/x` }).end();
    });
    await Promise.all(
      [target, redirector].map((s) => new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))),
    );
    try {
      const away = axios.create({
        baseURL: `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`,
        proxy: false,
      });
      attachSigV4(away, {
        region: 'eu-central-1',
        service: 'execute-api',
        credentials: { ...TEST_CREDENTIALS, sessionToken: 'tok' },
      });
      expect((await away.get('/r')).data).toBe('landed');
      expect(Object.keys(landed).filter((name) => /^(authorization|x-amz-)/.test(name))).toEqual([]);
    } finally {
      await Promise.all([target, redirector].map((s) => new Promise((resolve) => s.close(resolve))));
    }
  });
});
