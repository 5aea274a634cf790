import { createHash } from 'node:crypto';
import { type Gateway, TEST_CREDENTIALS } from '@sigv4/gateway';
import { describe, expect, it } from 'vitest';
import { startGatewayPerTest } from '../../../test-support/gateway.js';
import { smithySign } from './support/smithy-sign.js';

const start = startGatewayPerTest();

const sign = (g: Gateway, path: string, headers: Record<string, string> = {}) =>
  smithySign({ url: `${g.url}${path}`, credentials: TEST_CREDENTIALS, region: g.region, service: g.service, headers });

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

describe('what the gateway emulates for adapter tests', () => {
  it('refuses a request without x-amz-content-sha256 with requirePayloadHash, as OpenSearch Serverless does, and accepts one with it', async () => {
    const g = await start({ service: 'aoss', requirePayloadHash: true });
    const withHash = await sign(g, '/_search', { 'x-amz-content-sha256': EMPTY_SHA256 });
    const { 'x-amz-content-sha256': _hash, ...withoutHash } = withHash.init.headers;

    const refused = await fetch(withHash.url, { headers: withoutHash });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ message: 'Missing required header: x-amz-content-sha256' });
    expect((await fetch(withHash.url, withHash.init)).status).toBe(200);
  });

  it('lists date in Access-Control-Expose-Headers unless exposeDateHeader is false', async () => {
    const exposed = await start();
    const hidden = await start({ exposeDateHeader: false });
    const init = { headers: { origin: 'http://page.test' } };

    expect((await fetch(exposed.url, init)).headers.get('access-control-expose-headers')).toMatch(/^date, /);
    const answer = await fetch(hidden.url, init);
    expect(answer.headers.get('access-control-expose-headers')).not.toMatch(/\bdate\b/);
    expect(answer.headers.get('access-control-expose-headers')).toContain('x-amzn-errortype');
  });

  it('answers the first verified requests with failFirst.status and its headers, then calls the handler', async () => {
    const g = await start({ failFirst: { times: 2, status: 503, headers: { 'retry-after': '0' } } });
    const statuses: Array<[number, string | null]> = [];
    for (let i = 0; i < 3; i++) {
      const s = await sign(g, '/items');
      const res = await fetch(s.url, s.init);
      statuses.push([res.status, res.headers.get('retry-after')]);
    }

    expect(statuses).toEqual([
      [503, '0'],
      [503, '0'],
      [200, null],
    ]);
  });

  it('does not count a refused (unsigned) request against failFirst', async () => {
    const g = await start({ failFirst: { times: 1 } });
    expect((await fetch(`${g.url}/items`)).status).toBe(403);
    const s = await sign(g, '/items');
    expect((await fetch(s.url, s.init)).status).toBe(503);
  });

  it.each([
    [{ failFirst: { times: -1 } }],
    [{ failFirst: { times: 1, status: 99 } }],
    [{ requirePayloadHash: 'yes' }],
    [{ exposeDateHeader: 1 }],
  ])('refuses the option %j with INVALID_OPTIONS', async (options) => {
    await expect(start(options as never)).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
  });
});
