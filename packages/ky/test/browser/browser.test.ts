import { fileURLToPath } from 'node:url';
import { fromAssumeRole } from '@sigv4/core';
import { type Gateway, startGateway, TEST_CREDENTIALS, TEST_ROLE_ARN } from '@sigv4/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_CASES } from '../../../../scripts/browser/body-cases.mjs';
import { findNodeBuiltinImports } from '../../../../scripts/browser/bundle.mjs';
import {
  BROWSER_HOOK_TIMEOUT_MS,
  CHROMIUM_MISSING_MESSAGE,
  HAS_CHROMIUM,
} from '../../../../scripts/browser/chromium.mjs';
import { type BrowserSuite, type CaseResult, startBrowserSuite } from '../../../../scripts/browser/e2e.mjs';
import { measureTarget } from '../../../../scripts/browser/size.mjs';

// The browser build of @sigv4/ky (resolved through the `browser` export condition; ky itself stays
// external for the size): what it pulls in, and an end-to-end run in Chromium against the gateway,
// cross-origin, with ky 2 and ky 1. The size budget is in size.test.ts.
const PAGES = {
  ky: fileURLToPath(new URL('./page.js', import.meta.url)),
  ky1: fileURLToPath(new URL('./page-ky1.js', import.meta.url)),
};
type PageName = keyof typeof PAGES;

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
    /** Its clock runs 15 minutes ahead and it does not expose Date to pages. */
    let skewedGateway: Gateway;
    let suite: BrowserSuite;
    /** Each page's results and the requests the gateway received during its run. */
    const runs = {} as Record<PageName, { r: Record<string, CaseResult>; requests: Gateway['requests'] }>;

    beforeAll(async () => {
      gateway = await startGateway();
      skewedGateway = await startGateway({ now: () => Date.now() + 15 * 60_000, exposeDateHeader: false });
      suite = await startBrowserSuite({
        pages: PAGES,
        assumeRole: fromAssumeRole({
          roleArn: TEST_ROLE_ARN,
          roleSessionName: 'browser-ky',
          masterCredentials: TEST_CREDENTIALS,
          clientConfig: { region: gateway.region, endpoint: gateway.stsUrl },
        }),
      });
      for (const page of Object.keys(PAGES) as PageName[]) {
        gateway.requests.length = 0;
        const r = await suite.run(page, {
          gatewayUrl: gateway.url,
          region: gateway.region,
          service: gateway.service,
          skewedGatewayUrl: skewedGateway.url,
          skewCredentials: TEST_CREDENTIALS,
        });
        runs[page] = { r, requests: [...gateway.requests] };
      }
    }, BROWSER_HOOK_TIMEOUT_MS);

    afterAll(async () => {
      await suite?.close();
      await gateway?.close();
      await skewedGateway?.close();
    });

    it('corrects clock skew by itself cross-origin where Date is not exposed (withSigV4, ky 2): one resend, then right the first time', () => {
      const result = runs.ky.r['clock skew corrected by itself without a readable Date'];
      expect(result, JSON.stringify(result)).toMatchObject({ status: 200, body: { next: 200, date: null } });
      const sent = skewedGateway.requests.filter((q) => q.api === 'execute-api' && q.method !== 'OPTIONS');
      expect(sent.map((q) => [q.method, q.status])).toEqual([
        ['POST', 403],
        ['POST', 200],
        ['GET', 200],
      ]);
      expect(sent[1]?.body.equals(sent[0]!.body)).toBe(true);
    });

    it.each([
      ['ky 2', 'ky'],
      ['ky 1', 'ky1'],
    ] as const)(
      'signs a GET with query and a POST JSON cross-origin with %s, STS credentials from a provider, and a tampered request gets 403',
      (_label, page) => {
        const { r, requests } = runs[page];
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

        const api = requests.filter((q) => q.api === 'execute-api');
        const origin = new URL(suite.siteUrl).origin;
        expect(origin).not.toBe(new URL(gateway.url).origin);
        const preflights = api.filter((q) => q.method === 'OPTIONS');
        expect(preflights.every((q) => q.status < 300 && q.headers.origin === origin)).toBe(true);

        const signed = api.filter((q) => q.method !== 'OPTIONS' && q.path.endsWith('/items'));
        expect(signed.map((q) => [q.method, q.status])).toEqual([
          ['GET', 200],
          ['POST', 200],
          ['GET', 403],
        ]);
        for (const q of signed) {
          expect(q.headers.origin).toBe(origin);
          expect(q.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIA/);
          expect(q.headers['x-amz-security-token']).toBeTruthy();
        }
        expect(signed[2]?.query).toContain('tampered=1');
      },
    );

    it('rejects with CREDENTIALS_MISSING that says to pass credentials, and sends nothing, when given no credentials', () => {
      const result = runs.ky.r['no credentials'];
      expect(result?.error, JSON.stringify(result)).toMatchObject({ name: 'SigV4Error', code: 'CREDENTIALS_MISSING' });
      expect(result?.error?.message).toMatch(/fromCognitoIdentityPool/);
      expect(runs.ky.requests.filter((q) => q.query.includes('ky-no-credentials'))).toEqual([]);
    });

    it('sent a CORS preflight before the signed calls', () => {
      const preflights = runs.ky.requests.filter((q) => q.api === 'execute-api' && q.method === 'OPTIONS');
      expect(preflights.length).toBeGreaterThanOrEqual(1);
    });

    it.each(BODY_CASES.map((c) => [c.name, c] as const))(
      'signs a %s body with ky 2 exactly as the browser sends it',
      (_name, c) => {
        const { r, requests } = runs.ky;
        expect(r[c.name], JSON.stringify(r[c.name])).toMatchObject({
          status: 200,
          body: { method: c.method, params: { kind: c.kind } },
        });
        const sent = requests.find(
          (q) => q.api === 'execute-api' && q.method === c.method && q.query === `kind=${c.kind}`,
        );
        expect(sent?.body.length).toBeGreaterThan(0);
      },
    );
  },
);
