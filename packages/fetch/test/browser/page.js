// Test page for @sigv4/fetch in Chromium (bundled by scripts/browser/e2e.mjs).
import { createSigner, isClockSkewError } from '@sigv4/core';
import { createSignedFetch } from '@sigv4/fetch';
import {
  assumeRoleInPage,
  bodyCases,
  credentialsProvider,
  definePage,
  expectRejection,
  fromResponse,
  postBody,
} from '../../../../scripts/browser/page-kit.js';

definePage(({ gatewayUrl, region, service, sts, skewedGatewayUrl, hiddenDateGatewayUrl }) => {
  const options = { region, service, credentials: credentialsProvider };
  const signedFetch = createSignedFetch(options);
  // Sends what was signed plus one query parameter: the signature no longer matches.
  const tampering = createSignedFetch(options, {
    fetch: (request) => fetch(new Request(`${request.url}&tampered=1`, request)),
  });
  // The page gets its own temporary credentials: AssumeRole against the gateway's STS, signed by core.
  const stsSigner = createSigner({ region, service: 'sts', credentials: sts.credentials });
  const selfServed = createSignedFetch({
    region,
    service,
    credentials: assumeRoleInPage({ signer: stsSigner, stsUrl: sts.url, roleArn: sts.roleArn, sessionName: 'in-page' }),
  });
  return {
    'GET with query': async () =>
      fromResponse(await signedFetch(`${gatewayUrl}/items?client=fetch&q=a%20b&tag=x&tag=y`)),
    'GET with credentials the page assumed itself': async () =>
      fromResponse(await selfServed(`${gatewayUrl}/items?client=fetch-in-page-sts`)),
    'POST JSON': async () =>
      fromResponse(
        await signedFetch(`${gatewayUrl}/items`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(postBody('fetch')),
        }),
      ),
    ...bodyCases('', gatewayUrl, async (url, method, body) => fromResponse(await signedFetch(url, { method, body }))),
    // The README's clock-skew recipe, cross-origin: the server's clock is 15 minutes ahead. (That
    // gateway has its own STS, so this case signs with the long-term test user instead.)
    'clock skew corrected from the Date header': async () => {
      const signer = createSigner({ region, service, credentials: sts.credentials });
      const skewFetch = createSignedFetch({ signer, correctClockSkew: false });
      const url = `${skewedGatewayUrl}/items?client=fetch-skew`;
      let res = await skewFetch(url);
      const first = res.status;
      const date = res.headers.get('date');
      if (res.status === 403 && isClockSkewError(await res.clone().text())) {
        signer.correctClockSkew(res.headers.get('date') ?? Date.now());
        res = await skewFetch(url);
      }
      return { status: res.status, body: { first, date, clockOffset: signer.clockOffset } };
    },
    // Built in: the server's clock is 15 minutes ahead and its Date header is not exposed, so the
    // server time comes from AWS's message; the POST is sent once more and the next GET is right at once.
    'clock skew corrected by itself without a readable Date': async () => {
      const signer = createSigner({ region, service, credentials: sts.credentials });
      const skewFetch = createSignedFetch({ signer });
      const post = await skewFetch(`${hiddenDateGatewayUrl}/items?client=fetch-auto-skew`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(postBody('fetch')),
      });
      const get = await skewFetch(`${hiddenDateGatewayUrl}/items?client=fetch-auto-skew-next`);
      return {
        status: post.status,
        body: { next: get.status, date: post.headers.get('date'), clockOffset: signer.clockOffset },
      };
    },
    // A no-cors request cannot carry Authorization: the browser would drop it, so nothing is sent.
    'no-cors': () =>
      expectRejection(() => signedFetch(`${gatewayUrl}/items?client=fetch-no-cors`, { mode: 'no-cors' })),
    // A redirect: browsers hide it from the page, so signedFetch refuses to let the browser follow
    // it (the session token would go along); with redirect: 'manual' the opaque answer comes back.
    'redirect followed': () => expectRejection(() => signedFetch(`${gatewayUrl}/redirect?client=fetch-redirect`)),
    'redirect manual': async () => {
      const res = await signedFetch(`${gatewayUrl}/redirect?client=fetch-redirect-manual`, { redirect: 'manual' });
      return { status: res.status, body: { type: res.type } };
    },
    // No `credentials` in a browser: rejects before anything is sent.
    'no credentials': () =>
      expectRejection(() => createSignedFetch({ region, service })(`${gatewayUrl}/items?client=fetch-no-credentials`)),
    'tampered after signing': async () => fromResponse(await tampering(`${gatewayUrl}/items?client=fetch-tampered`)),
  };
});
