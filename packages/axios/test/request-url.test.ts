import { type Gateway, startGateway, TEST_CREDENTIALS } from '@sigv4/gateway';
import axios, { Axios, type InternalAxiosRequestConfig } from 'axios';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attachSigV4 } from '../src/index.js';
import { resolveRequestUrl } from '../src/resolve-url.js';

/** Text with every character axios' encoder treats specially, `[`/`]`, surrogate pairs and controls. */
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~é東😀\t'),
    fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
  ),
  maxLength: 10,
});
/** Flat params as callers write them, with the values axios leaves out (`null`, `undefined`). */
const flatParams = fc.dictionary(
  text.filter((key) => !(key in Object.prototype)),
  fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
  { maxKeys: 5 },
);
const urls = fc.constantFrom(
  'items',
  '/items',
  'items?x=1',
  'items#frag',
  'items?x=1#f?g',
  '',
  'https://other.example/p',
);

/** What axios' own builder makes of a config, parsed as the adapters parse it, fragment dropped. */
function axiosUrl(config: Partial<InternalAxiosRequestConfig>): string {
  const url = new URL(new Axios({}).getUri(config));
  url.hash = '';
  return url.href;
}

describe('the URL that is signed', () => {
  it("is the one axios' own getUri builds for flat params, whatever characters they hold", () => {
    fc.assert(
      fc.property(flatParams, urls, fc.boolean(), (params, url, allowAbsoluteUrls) => {
        const config = { baseURL: 'https://api.example.com/v1/', url, params, allowAbsoluteUrls };
        expect(resolveRequestUrl(config as InternalAxiosRequestConfig)).toBe(axiosUrl(config));
      }),
      { numRuns: 500, seed: 0x15 },
    );
  });

  it('is left to axios for nested params, dates, arrays, URLSearchParams and a paramsSerializer', () => {
    const cases: Partial<InternalAxiosRequestConfig>[] = [
      { params: { a: { b: 'c' }, 'd{}': { e: 1 } } },
      { params: { when: new Date(0), list: ['x', 'y'] } },
      { params: new URLSearchParams({ q: 'a b' }) },
      { params: { 'a[b]': 'c]' } },
      { params: { q: 'a b' }, paramsSerializer: { indexes: null, encode: (v: string) => `~${v}` } },
      { params: { q: 'a b' }, paramsSerializer: { serialize: () => 'fixed=1' } },
    ];
    for (const extra of cases) {
      const config = { baseURL: 'https://api.example.com/v1', url: 'x?y=1', ...extra };
      expect(resolveRequestUrl(config as InternalAxiosRequestConfig)).toBe(axiosUrl(config));
    }
  });
});

describe('the URL that is sent (against the gateway)', () => {
  let gw: Gateway;
  beforeAll(async () => {
    gw = await startGateway({});
  });
  afterAll(async () => {
    await gw.close();
  });
  beforeEach(() => {
    gw.requests.length = 0;
  });

  for (const adapter of ['http', 'fetch'] as const) {
    // Node's http adapter appends params after parsing the URL, so unsigned axios sends `'` raw where the
    // signed request sends `%27` (the query is folded into the URL first): the same text to the server.
    it(`is the request target unsigned axios sends, as the URL parser writes it, and is accepted (${adapter} adapter)`, async () => {
      const plain = axios.create({ baseURL: `${gw.url}/p`, proxy: false, adapter, validateStatus: () => true });
      const signed = axios.create({ baseURL: `${gw.url}/p`, proxy: false, adapter, validateStatus: () => true });
      attachSigV4(signed, { region: 'eu-central-1', service: 'execute-api', credentials: TEST_CREDENTIALS });
      await fc.assert(
        fc.asyncProperty(flatParams, async (params) => {
          gw.requests.length = 0;
          await plain.get('items', { params });
          const response = await signed.get('items', { params });
          expect(response.status, JSON.stringify(response.data)).toBe(200);
          const [unsigned, sent] = gw.requests;
          const normalized = new URL(unsigned?.target ?? '', gw.url);
          expect(sent?.target).toBe(normalized.pathname + normalized.search);
          if (adapter === 'fetch') expect(sent?.target).toBe(unsigned?.target);
        }),
        { numRuns: 60, seed: 0x15 },
      );
    });
  }
});
