// Test page for @sigv4/ky with ky 1 (the `ky1` alias) in Chromium (bundled by scripts/browser/e2e.mjs).

import { sigv4Hook } from '@sigv4/ky';
import ky from 'ky1';
import { credentialsProvider, definePage, fromResponse, postBody } from '../../../../scripts/browser/page-kit.js';

definePage(({ gatewayUrl, region, service }) => {
  const sign = sigv4Hook({ region, service, credentials: credentialsProvider });
  const api = ky.create({ throwHttpErrors: false, retry: 0, hooks: { beforeRequest: [sign] } });
  // ky 1 stops running beforeRequest hooks after one returns a Request (sigv4Hook does), so the
  // tampering happens in ky's `fetch` option, between signing and the network.
  const tampering = ky.create({
    throwHttpErrors: false,
    retry: 0,
    hooks: { beforeRequest: [sign] },
    fetch: (request) => fetch(new Request(`${request.url}&tampered=1`, request)),
  });
  return {
    'GET with query': async () =>
      fromResponse(await api.get(`${gatewayUrl}/items`, { searchParams: { client: 'ky1', q: 'a b', tag: 'x' } })),
    'POST JSON': async () => fromResponse(await api.post(`${gatewayUrl}/items`, { json: postBody('ky1') })),
    'tampered after signing': async () =>
      fromResponse(await tampering.get(`${gatewayUrl}/items`, { searchParams: { client: 'ky1-tampered' } })),
  };
});
