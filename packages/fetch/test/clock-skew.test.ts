import { createSigner, isClockSkewError } from '@sigv4/core';
import { startGateway, TEST_API_KEY, TEST_CREDENTIALS } from '@sigv4/gateway';
import { afterEach, describe, expect, it } from 'vitest';
import { createSignedFetch } from '../src/index.js';

type Gateway = Awaited<ReturnType<typeof startGateway>>;
let gw: Gateway | undefined;
afterEach(async () => {
  await gw?.close();
  gw = undefined;
});

describe('clock skew with @sigv4/fetch (the README recipe, correctClockSkew: false)', () => {
  it('recovers from "Signature expired" by correcting the shared signer from the Date header', async () => {
    // The gateway's clock runs one hour ahead of the client's.
    const clientTime = Date.parse('2026-03-01T12:00:00Z');
    gw = await startGateway({ apiKeys: [TEST_API_KEY], now: () => clientTime + 60 * 60 * 1000 });
    const signer = createSigner({
      region: 'eu-central-1',
      service: 'execute-api',
      credentials: TEST_CREDENTIALS,
      now: () => clientTime,
    });
    const signedFetch = createSignedFetch({ signer, correctClockSkew: false });
    const url = `${gw.url}?client=fetch`;
    const init = { headers: { 'x-api-key': TEST_API_KEY } };

    let res = await signedFetch(url, init);
    expect(res.status).toBe(403);
    const body = await res.clone().text();
    expect(body).toMatch(/Signature expired/);
    expect(isClockSkewError(body)).toBe(true);

    signer.correctClockSkew(res.headers.get('date') ?? Date.now());
    res = await signedFetch(url, init);
    expect(res.status).toBe(200);
    expect(signer.clockOffset).toBe(60 * 60 * 1000);
  });
});
