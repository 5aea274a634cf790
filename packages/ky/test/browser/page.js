// Test page for @sigv4/ky (ky 2) in Chromium (bundled by scripts/browser/e2e.mjs).

import { sigv4Hook, withSigV4 } from '@sigv4/ky';
import ky from 'ky';
import {
  bodyCases,
  credentialsProvider,
  definePage,
  expectRejection,
  fromResponse,
  postBody,
} from '../../../../scripts/browser/page-kit.js';

definePage(({ gatewayUrl, region, service, skewedGatewayUrl, skewCredentials }) => {
  const sign = sigv4Hook({ region, service, credentials: credentialsProvider });
  const api = ky.create({ throwHttpErrors: false, retry: 0, hooks: { init: [sign] } });
  // sigv4Hook signs as ky sends, so the tampering happens in the `fetch` it hands the signed request to.
  const tampering = ky.create({
    throwHttpErrors: false,
    retry: 0,
    hooks: { init: [sign] },
    fetch: (request) => fetch(new Request(`${request.url}&tampered=1`, request)),
  });
  return {
    'GET with query': async () =>
      fromResponse(await api.get(`${gatewayUrl}/items`, { searchParams: { client: 'ky', q: 'a b', tag: 'x' } })),
    'POST JSON': async () => fromResponse(await api.post(`${gatewayUrl}/items`, { json: postBody('ky') })),
    ...bodyCases('', gatewayUrl, async (url, method, body) => fromResponse(await api(url, { method, body }))),
    // The server's clock is 15 minutes ahead and its Date header is not exposed: withSigV4 takes the
    // server time from AWS's message and sends the POST once more; the next GET is right the first time.
    'clock skew corrected by itself without a readable Date': async () => {
      const skewed = withSigV4(ky.create({ throwHttpErrors: false, retry: 0 }), {
        region,
        service,
        credentials: skewCredentials,
      });
      const post = await skewed.post(`${skewedGatewayUrl}/items`, { json: postBody('ky-skew') });
      const get = await skewed.get(`${skewedGatewayUrl}/items`, { searchParams: { client: 'ky-skew' } });
      return { status: post.status, body: { next: get.status, date: post.headers.get('date') } };
    },
    // No `credentials` in a browser: rejects before anything is sent.
    'no credentials': () =>
      expectRejection(() =>
        ky
          .create({ retry: 0, hooks: { init: [sigv4Hook({ region, service })] } })
          .get(`${gatewayUrl}/items`, { searchParams: { client: 'ky-no-credentials' } }),
      ),
    'tampered after signing': async () =>
      fromResponse(await tampering.get(`${gatewayUrl}/items`, { searchParams: { client: 'ky-tampered' } })),
  };
});
