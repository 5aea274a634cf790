// Test page for @sigv4/ky with ky 1 (the `ky1` alias) in Chromium (bundled by scripts/browser/e2e.mjs).

import { withSigV4 } from '@sigv4/ky';
import ky from 'ky1';
import { credentialsProvider, definePage, fromResponse, postBody } from '../../../../scripts/browser/page-kit.js';

definePage(({ gatewayUrl, region, service }) => {
  const options = { region, service, credentials: credentialsProvider };
  // ky 1 has no init hook, so it is signed with withSigV4 (sigv4Hook refuses ky 1).
  const api = withSigV4(ky.create({ throwHttpErrors: false, retry: 0 }), options);
  // The tampering happens in ky's `fetch` option, which withSigV4 hands the signed request to.
  const tampering = withSigV4(
    ky.create({
      throwHttpErrors: false,
      retry: 0,
      fetch: (request) => fetch(new Request(`${request.url}&tampered=1`, request)),
    }),
    options,
  );
  return {
    'GET with query': async () =>
      fromResponse(await api.get(`${gatewayUrl}/items`, { searchParams: { client: 'ky1', q: 'a b', tag: 'x' } })),
    'POST JSON': async () => fromResponse(await api.post(`${gatewayUrl}/items`, { json: postBody('ky1') })),
    'tampered after signing': async () =>
      fromResponse(await tampering.get(`${gatewayUrl}/items`, { searchParams: { client: 'ky1-tampered' } })),
  };
});
