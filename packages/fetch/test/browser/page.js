// Test page for @sigv4/fetch in Chromium (bundled by scripts/browser/e2e.mjs).
import { createSignedFetch } from '@sigv4/fetch';
import { credentialsProvider, definePage, fromResponse, postBody } from '../../../../scripts/browser/page-kit.js';

definePage(({ gatewayUrl, region, service }) => {
  const options = { region, service, credentials: credentialsProvider };
  const signedFetch = createSignedFetch(options);
  // Sends what was signed plus one query parameter: the signature no longer matches.
  const tampering = createSignedFetch(options, {
    fetch: (request) => fetch(new Request(`${request.url}&tampered=1`, request)),
  });
  return {
    'GET with query': async () =>
      fromResponse(await signedFetch(`${gatewayUrl}/items?client=fetch&q=a%20b&tag=x&tag=y`)),
    'POST JSON': async () =>
      fromResponse(await signedFetch(`${gatewayUrl}/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(postBody('fetch')),
      })),
    'tampered after signing': async () =>
      fromResponse(await tampering(`${gatewayUrl}/items?client=fetch-tampered`)),
  };
});
