import { fileURLToPath } from 'node:url';
import { fromAssumeRole } from '@sigv4/core';
import { echoHandler, type Gateway, startGateway, TEST_CREDENTIALS, TEST_ROLE_ARN } from '@sigv4/gateway';
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

// The browser build of @sigv4/fetch (resolved through the `browser` export condition): what it
// pulls in, and an end-to-end run in Chromium against the gateway, cross-origin. The size budget
// is in size.test.ts.
const PAGE = fileURLToPath(new URL('./page.js', import.meta.url));
const SKEW_MS = 15 * 60_000;

describe('browser build of @sigv4/core + @sigv4/fetch', () => {
  const measured = measureTarget('fetch');

  it('imports no Node built-in anywhere', async () => {
    const withFetch = await measured;
    expect(findNodeBuiltinImports(withFetch.bundle.metafile)).toEqual([]);
  });
});

describe.skipIf(!HAS_CHROMIUM)(
  HAS_CHROMIUM ? '@sigv4/fetch in Chromium' : `@sigv4/fetch in Chromium (skipped: ${CHROMIUM_MISSING_MESSAGE})`,
  () => {
    let gateway: Gateway;
    /** A gateway whose clock runs 15 minutes ahead, for the clock-skew recipe. */
    let skewedGateway: Gateway;
    /** The same, without `Date` in Access-Control-Expose-Headers. */
    let hiddenDateGateway: Gateway;
    let suite: BrowserSuite;

    beforeAll(async () => {
      // `/redirect` answers 302 to `/items` on the same API; everything else is echoed.
      gateway = await startGateway({
        handler: (event) =>
          event.path === '/redirect'
            ? { statusCode: 302, headers: { location: `${gateway.url}/items?client=redirected` }, body: '' }
            : echoHandler(event),
      });
      skewedGateway = await startGateway({ now: () => Date.now() + SKEW_MS });
      hiddenDateGateway = await startGateway({ now: () => Date.now() + SKEW_MS, exposeDateHeader: false });
      suite = await startBrowserSuite({
        pages: { fetch: PAGE },
        assumeRole: fromAssumeRole({
          roleArn: TEST_ROLE_ARN,
          roleSessionName: 'browser-fetch',
          masterCredentials: TEST_CREDENTIALS,
          clientConfig: { region: gateway.region, endpoint: gateway.stsUrl },
        }),
      });
    }, BROWSER_HOOK_TIMEOUT_MS);

    afterAll(async () => {
      await suite?.close();
      await gateway?.close();
      await skewedGateway?.close();
      await hiddenDateGateway?.close();
    });

    let r: Record<string, CaseResult>;
    const show = () => JSON.stringify(r, null, 1);
    beforeAll(async () => {
      r = await suite.run('fetch', {
        gatewayUrl: gateway.url,
        region: gateway.region,
        service: gateway.service,
        sts: { url: gateway.stsUrl, roleArn: TEST_ROLE_ARN, credentials: TEST_CREDENTIALS },
        skewedGatewayUrl: skewedGateway.url,
        hiddenDateGatewayUrl: hiddenDateGateway.url,
      });
    }, BROWSER_HOOK_TIMEOUT_MS);

    it('signs a GET with query and a POST JSON cross-origin with STS credentials from a provider (from Node, or assumed by the page itself), and a tampered request gets 403', () => {
      expect(r['GET with query'], show()).toMatchObject({
        status: 200,
        body: { method: 'GET', params: { client: 'fetch', q: 'a b', tag: 'y' } },
      });
      expect(r['POST JSON'], show()).toMatchObject({
        status: 200,
        body: { method: 'POST', body: { client: 'fetch', items: [1, 2, 3], note: 'grüße ✓' } },
      });
      expect(r['GET with credentials the page assumed itself'], show()).toMatchObject({
        status: 200,
        body: { method: 'GET', params: { client: 'fetch-in-page-sts' } },
      });
      expect(r['tampered after signing'], show()).toMatchObject({ status: 403 });
      expect(r.providerCalls?.body, show()).toBeGreaterThanOrEqual(2);
      const assumeRoles = gateway.requests.filter((q) => q.api === 'sts' && q.method === 'POST');
      expect(
        assumeRoles.some((q) => q.status === 200 && q.headers.origin === new URL(suite.siteUrl).origin),
        'the page called STS itself',
      ).toBe(true);

      const api = gateway.requests.filter((q) => q.api === 'execute-api');
      const origin = new URL(suite.siteUrl).origin;
      expect(origin).not.toBe(new URL(gateway.url).origin);
      const preflights = api.filter((q) => q.method === 'OPTIONS');
      expect(preflights.length, 'the browser sent a CORS preflight').toBeGreaterThanOrEqual(1);
      expect(preflights.every((q) => q.status < 300 && q.headers.origin === origin)).toBe(true);

      const signed = api.filter((q) => q.method !== 'OPTIONS' && q.path.endsWith('/items'));
      expect(signed.map((q) => [q.method, q.status])).toEqual([
        ['GET', 200],
        ['GET', 200],
        ['POST', 200],
        ['GET', 403],
      ]);
      for (const q of signed) {
        expect(q.headers.origin).toBe(origin);
        expect(q.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIA/);
        expect(q.headers['x-amz-security-token']).toBeTruthy();
      }
      expect(signed[3]?.query).toContain('tampered=1');
      expect(suite.pageErrors.filter((e) => !/status of 403/.test(e))).toEqual([]);
    });

    it('follows the README clock-skew recipe cross-origin: 403, correct from the exposed Date header, then 200', () => {
      const result = r['clock skew corrected from the Date header'];
      expect(result, show()).toMatchObject({ status: 200, body: { first: 403 } });
      const { date, clockOffset } = (result?.body ?? {}) as { date: string | null; clockOffset: number };
      expect(date, 'Date must be readable cross-origin (Access-Control-Expose-Headers)').toBeTruthy();
      // Date has whole seconds: the offset found is the skew, within a few seconds.
      expect(Math.abs(clockOffset - SKEW_MS)).toBeLessThan(5_000);
    });

    it('corrects clock skew by itself cross-origin where Date is not exposed: the server time from the message, one resend, then right the first time', () => {
      const result = r['clock skew corrected by itself without a readable Date'];
      expect(result, show()).toMatchObject({ status: 200, body: { next: 200, date: null } });
      const { clockOffset } = (result?.body ?? {}) as { clockOffset: number };
      expect(Math.abs(clockOffset - SKEW_MS)).toBeLessThan(5_000);
      const sent = hiddenDateGateway.requests.filter((q) => q.api === 'execute-api' && q.method !== 'OPTIONS');
      expect(sent.map((q) => [q.method, q.status])).toEqual([
        ['POST', 403],
        ['POST', 200],
        ['GET', 200],
      ]);
      expect(sent[1]?.body.equals(sent[0]!.body)).toBe(true);
    });

    it('refuses a no-cors request, whose Authorization header the browser would drop, and sends nothing', () => {
      expect(r['no-cors']?.error, show()).toMatchObject({ name: 'SigV4Error', code: 'INVALID_OPTIONS' });
      expect(gateway.requests.filter((q) => q.query.includes('fetch-no-cors'))).toEqual([]);
    });

    it('does not let the browser follow a redirect with the signing headers: rejects, or returns the opaque answer with redirect manual', () => {
      expect(r['redirect followed']?.error, show()).toMatchObject({ name: 'SigV4Error', code: 'INVALID_OPTIONS' });
      expect(r['redirect manual'], show()).toMatchObject({ status: 0, body: { type: 'opaqueredirect' } });
      const hops = gateway.requests.filter(
        (q) => q.api === 'execute-api' && q.method === 'GET' && /client=fetch-redirect|client=redirected/.test(q.query),
      );
      // Each call reached the redirecting URL once, signed; nothing went on to the target.
      expect(hops.map((q) => [q.query, q.status])).toEqual([
        ['client=fetch-redirect', 302],
        ['client=fetch-redirect-manual', 302],
      ]);
    });

    it('rejects with CREDENTIALS_MISSING that says to pass credentials, and sends nothing, when given no credentials', () => {
      const result = r['no credentials'];
      expect(result?.error, JSON.stringify(result)).toMatchObject({ name: 'SigV4Error', code: 'CREDENTIALS_MISSING' });
      expect(result?.error?.message).toMatch(/fromCognitoIdentityPool/);
      expect(gateway.requests.filter((q) => q.query.includes('fetch-no-credentials'))).toEqual([]);
    });

    it.each(BODY_CASES.map((c) => [c.name, c] as const))(
      'signs a %s body exactly as the browser sends it',
      (_name, c) => {
        expect(r[c.name], show()).toMatchObject({ status: 200, body: { method: c.method, params: { kind: c.kind } } });
        const sent = gateway.requests.find(
          (q) => q.api === 'execute-api' && q.method === c.method && q.query === `kind=${c.kind}`,
        );
        expect(sent?.body.length).toBeGreaterThan(0);
      },
    );
  },
);
