import { createSigner } from '@sigv4/core';
import { TEST_CREDENTIALS } from '@sigv4/gateway';
import { describe, expect, it } from 'vitest';
import { startGatewayPerTest } from '../../../test-support/gateway.js';
import { sigv4Hook, withSigV4 } from '../src/index.js';
import { KY_VERSIONS } from './support/ky-versions.js';

const start = startGatewayPerTest();

describe.each(KY_VERSIONS)('signQuery and clock skew with the hook and withSigV4, $name', (v) => {
  // ky 1 has no init hook: sigv4Hook is for ky 2 only.
  it.runIf(v.major === 2)(
    'sends a presigned request from sigv4Hook with signQuery, accepted without an Authorization header',
    async () => {
      const gw = await start();
      const sign = sigv4Hook({
        region: gw.region,
        service: gw.service,
        credentials: TEST_CREDENTIALS,
        signQuery: true,
      });
      const api = v.ky.create({ retry: 0, hooks: { init: [sign] } as never });

      const data = await api.post(`${gw.url}/items`, { json: { a: 1 } }).json();

      expect(data).toMatchObject({ body: { a: 1 }, method: 'POST' });
      const [wire] = gw.requests;
      expect(wire?.headers['authorization']).toBeUndefined();
      expect(wire?.query).toContain('X-Amz-Expires=900');
    },
  );

  it('keeps correcting clock skew on an instance made by .extend() of a signed one, once per request', async () => {
    const gw = await start();
    const signer = createSigner({
      region: gw.region,
      service: gw.service,
      credentials: TEST_CREDENTIALS,
      now: () => Date.now() - 20 * 60_000,
    });
    const api = withSigV4(v.ky.create({ retry: 0 }), { signer }).extend({ headers: { 'x-extended': '1' } });

    const res = await api.get(gw.url, { throwHttpErrors: false });

    expect(res.status).toBe(200);
    expect(gw.requests.map((r) => r.status)).toEqual([403, 200]);
  });
});
