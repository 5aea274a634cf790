// Test page for @sigv4/core's browser build in Chromium (bundled by scripts/browser/e2e.mjs).
import { createSigner, isSigV4Error } from '@sigv4/core';
import { countWebCryptoCalls, definePage, toPageError } from '../../../../scripts/browser/page-kit.js';

const webCryptoCalls = countWebCryptoCalls();

definePage(({ requests, credentials, region, service, signingDate, suite, gateway }) => {
  // Same static credentials and fixed clock as the Node side: signatures must be identical.
  const signer = createSigner({ region, service, credentials, now: () => new Date(signingDate) });
  const bodies = {
    none: () => undefined,
    string: () => 'grüße ✓ {"a":1}',
    bytes: () => new TextEncoder().encode('grüße ✓ {"a":1}'),
    blob: () => new Blob(['grüße ✓ ', '{"a":1}'], { type: 'application/octet-stream' }),
    form: () => new URLSearchParams({ q: 'a b', tag: 'x&y' }),
  };
  const cases = {
    'WebCrypto available': async () => ({ body: typeof globalThis.crypto?.subtle?.sign }),
    'no credentials': async () => {
      const bare = createSigner({ region, service });
      try {
        await bare.sign({ method: 'GET', url: 'https://abc123.execute-api.eu-central-1.amazonaws.com/dev/items' });
        return { body: 'signed without credentials' };
      } catch (error) {
        return { error: toPageError(error), body: { isSigV4Error: isSigV4Error(error) } };
      }
    },
  };
  // Left out, region and service come from the host, through the lazily loaded inference chunk.
  cases.inferred = async () => {
    const inferring = createSigner({ credentials, now: () => new Date(signingDate) });
    const info = await inferring.explain({ url: 'https://appstream2.eu-west-1.amazonaws.com/' });
    return { body: { region: info.region, service: info.service } };
  };
  for (const r of requests) {
    cases[`sign ${r.name}`] = async () => {
      const signed = await signer.sign({ method: r.method, url: r.url, headers: r.headers, body: bodies[r.body]() });
      return { body: signed.headers };
    };
  }
  // AWS's official SigV4 vectors, signed here on WebCrypto: sign, explain and presign.
  for (const c of suite) {
    cases[`suite ${c.name}`] = async () => {
      const s = createSigner({ ...c.signer, now: () => new Date(c.signer.now) });
      const signed = await s.sign(c.input);
      const info = await s.explain(c.input);
      const link = await s.presign(c.presign);
      return {
        body: {
          headers: signed.headers,
          canonicalRequest: info.canonicalRequest,
          stringToSign: info.stringToSign,
          signature: info.signature,
          link,
        },
      };
    };
  }
  // A presigned link made in the page and opened with a plain fetch (no signed headers, so no
  // preflight either), and the same link with one query value changed.
  const linkSigner = createSigner({
    region: gateway.region,
    service: gateway.service,
    credentials: gateway.credentials,
  });
  cases['presigned link'] = async () => {
    const link = await linkSigner.presign({ url: `${gateway.url}/items?client=core-presign`, expiresIn: 60 });
    const res = await fetch(link);
    return { status: res.status, body: { link, answer: await res.json() } };
  };
  cases['presigned link tampered'] = async () => {
    const link = await linkSigner.presign({ url: `${gateway.url}/items?client=core-presign`, expiresIn: 60 });
    const res = await fetch(link.replace('client=core-presign', 'client=core-presign-changed'));
    return { status: res.status };
  };
  // Last: how often signing above called crypto.subtle.
  cases['WebCrypto calls'] = async () => ({ body: webCryptoCalls() });
  return cases;
});
