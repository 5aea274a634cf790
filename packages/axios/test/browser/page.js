// Test page for @sigv4/axios in Chromium, with axios's browser adapters (xhr and fetch).

import { sigv4Interceptor } from '@sigv4/axios';
import axios from 'axios';
import {
  bodyCases,
  credentialsProvider,
  definePage,
  expectRejection,
  parseBody,
  postBody,
} from '../../../../scripts/browser/page-kit.js';

const fromAxios = (res) => ({
  status: res.status,
  body: typeof res.data === 'string' ? parseBody(res.data) : res.data,
});

definePage(({ gatewayUrl, region, service, skewedGatewayUrl, skewCredentials }) => {
  const options = { region, service, credentials: credentialsProvider };
  const client = (adapter) => {
    const instance = axios.create({ adapter, validateStatus: () => true });
    instance.interceptors.request.use(sigv4Interceptor(options));
    return instance;
  };
  const xhr = client('xhr');
  const viaFetch = client('fetch');
  // axios runs request interceptors last-added first: this one runs after signing and changes the body.
  const tampering = axios.create({ adapter: 'xhr', validateStatus: () => true });
  tampering.interceptors.request.use((config) => ({ ...config, data: JSON.stringify({ amount: 1000 }) }));
  tampering.interceptors.request.use(sigv4Interceptor(options));
  return {
    'xhr: GET with query': async () =>
      fromAxios(await xhr.get(`${gatewayUrl}/items`, { params: { client: 'axios-xhr', q: 'a b', tag: 'x' } })),
    'xhr: POST JSON': async () => fromAxios(await xhr.post(`${gatewayUrl}/items`, postBody('axios-xhr'))),
    'fetch: GET with query': async () =>
      fromAxios(await viaFetch.get(`${gatewayUrl}/items`, { params: { client: 'axios-fetch', q: 'a b', tag: 'x' } })),
    'fetch: POST JSON': async () => fromAxios(await viaFetch.post(`${gatewayUrl}/items`, postBody('axios-fetch'))),
    ...bodyCases('xhr: ', gatewayUrl, async (url, method, data) => fromAxios(await xhr.request({ url, method, data }))),
    ...bodyCases('fetch: ', gatewayUrl, async (url, method, data) =>
      fromAxios(await viaFetch.request({ url, method, data })),
    ),
    // A charset the caller chose; XHR and fetch must send the content-type that was signed.
    ...Object.fromEntries(
      [
        ['xhr', xhr],
        ['fetch', viaFetch],
      ].map(([name, instance]) => [
        `${name}: POST JSON with charset=utf-8`,
        async () =>
          fromAxios(
            await instance.post(`${gatewayUrl}/bodies?kind=json-charset`, '{"a":1}', {
              headers: { 'content-type': 'application/json; charset=utf-8' },
            }),
          ),
      ]),
    ),
    // The server's clock is 15 minutes ahead and its Date header is not exposed: the interceptor takes the
    // server time from AWS's message and sends the POST once more (a rejected 403 with xhr, one that
    // validateStatus accepts with fetch); the next GET is right the first time.
    ...Object.fromEntries(
      [
        ['xhr', axios.create({ adapter: 'xhr' })],
        ['fetch', axios.create({ adapter: 'fetch', validateStatus: () => true })],
      ].map(([name, instance]) => {
        instance.interceptors.request.use(sigv4Interceptor({ region, service, credentials: skewCredentials }));
        return [
          `${name}: clock skew corrected by itself without a readable Date`,
          async () => {
            const post = await instance.post(`${skewedGatewayUrl}/items`, postBody(`axios-${name}-skew`));
            const get = await instance.get(`${skewedGatewayUrl}/items`, { params: { client: `axios-${name}-skew` } });
            return { status: post.status, body: { next: get.status, date: post.headers['date'] ?? null } };
          },
        ];
      }),
    ),
    // No `credentials` in a browser: rejects before anything is sent.
    'no credentials': () =>
      expectRejection(() => {
        const bare = axios.create();
        bare.interceptors.request.use(sigv4Interceptor({ region, service }));
        return bare.get(`${gatewayUrl}/items`, { params: { client: 'axios-no-credentials' } });
      }),
    'tampered after signing': async () =>
      fromAxios(await tampering.post(`${gatewayUrl}/items`, { amount: 1 }, { params: { client: 'axios-tampered' } })),
  };
});
