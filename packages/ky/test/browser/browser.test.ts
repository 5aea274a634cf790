import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromAssumeRole } from '@sigv4/core';
import { startGateway, TEST_CREDENTIALS, TEST_ROLE_ARN, type Gateway } from '@sigv4/gateway';
import { findNodeBuiltinImports } from '../../../../scripts/browser/bundle.mjs';
import { CHROMIUM_MISSING_MESSAGE, HAS_CHROMIUM } from '../../../../scripts/browser/chromium.mjs';
import { startBrowserSuite, type BrowserSuite } from '../../../../scripts/browser/e2e.mjs';
import { measureTarget } from '../../../../scripts/browser/size.mjs';

// The browser build of @sigv4/ky (resolved through the `browser` export condition; ky itself stays
// external for the size): what it pulls in, and an end-to-end run in Chromium against the gateway,
// cross-origin. The size budget is in size.test.ts.
const PAGES = {
  ky: fileURLToPath(new URL('./page.js', import.meta.url)),
  ky1: fileURLToPath(new URL('./page-ky1.js', import.meta.url)),
};

describe('browser build of @sigv4/ky', () => {
  const measured = measureTarget('ky');

  it('imports no Node built-in anywhere', async () => {
    const withAdapter = await measured;
    expect(findNodeBuiltinImports(withAdapter.bundle.metafile)).toEqual([]);
  });
});

describe.skipIf(!HAS_CHROMIUM)(
  HAS_CHROMIUM ? '@sigv4/ky in Chromium' : `@sigv4/ky in Chromium (skipped: ${CHROMIUM_MISSING_MESSAGE})`,
  () => {
    let gateway: Gateway;
    let suite: BrowserSuite;

    beforeAll(async () => {
      gateway = await startGateway();
      suite = await startBrowserSuite({
        pages: PAGES,
        assumeRole: fromAssumeRole({
          roleArn: TEST_ROLE_ARN,
          roleSessionName: 'browser-ky',
          masterCredentials: TEST_CREDENTIALS,
          clientConfig: { region: gateway.region, endpoint: gateway.stsUrl },
        }),
      });
    });

    afterAll(async () => {
      await suite?.close();
      await gateway?.close();
    });

    it.each([
      ['ky 2', 'ky'],
      ['ky 1', 'ky1'],
    ] as const)('signs a GET with query and a POST JSON cross-origin with %s, STS credentials from a provider, and a tampered request gets 403', async (_label, page) => {
      gateway.requests.length = 0;
      const r = await suite.run(page, { gatewayUrl: gateway.url, region: gateway.region, service: gateway.service });
      const show = JSON.stringify(r, null, 1);

      expect(r['GET with query'], show).toMatchObject({
        status: 200,
        body: { method: 'GET', params: { client: page, q: 'a b', tag: 'x' } },
      });
      expect(r['POST JSON'], show).toMatchObject({
        status: 200,
        body: { method: 'POST', body: { client: page, items: [1, 2, 3], note: 'grüße ✓' } },
      });
      expect(r['tampered after signing'], show).toMatchObject({ status: 403 });
      expect(r.providerCalls?.body, show).toBeGreaterThanOrEqual(1);

      const api = gateway.requests.filter((q) => q.api === 'execute-api');
      const origin = new URL(suite.siteUrl).origin;
      expect(origin).not.toBe(new URL(gateway.url).origin);
      const preflights = api.filter((q) => q.method === 'OPTIONS');
      expect(preflights.length, 'the browser sent a CORS preflight').toBeGreaterThanOrEqual(1);
      expect(preflights.every((q) => q.status < 300 && q.headers.origin === origin)).toBe(true);

      const signed = api.filter((q) => q.method !== 'OPTIONS');
      expect(signed.map((q) => [q.method, q.status])).toEqual([['GET', 200], ['POST', 200], ['GET', 403]]);
      for (const q of signed) {
        expect(q.headers.origin).toBe(origin);
        expect(q.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIA/);
        expect(q.headers['x-amz-security-token']).toBeTruthy();
      }
      expect(suite.pageErrors.filter((e) => !/status of 403/.test(e))).toEqual([]);
    });
  },
);
