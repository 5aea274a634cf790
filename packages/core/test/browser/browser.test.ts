import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSigner } from '@sigv4/core';
import { type Gateway, startGateway, TEST_CREDENTIALS } from '@sigv4/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNodeBuiltinImports } from '../../../../scripts/browser/bundle.mjs';
import {
  BROWSER_HOOK_TIMEOUT_MS,
  CHROMIUM_MISSING_MESSAGE,
  HAS_CHROMIUM,
} from '../../../../scripts/browser/chromium.mjs';
import { type BrowserSuite, startBrowserSuite } from '../../../../scripts/browser/e2e.mjs';
import { describeSize, measureTarget } from '../../../../scripts/browser/size.mjs';
import { loadSuite, type SuiteCase } from '../support/test-suite.js';

// The browser build of @sigv4/core (its `browser` export condition): no Node built-ins, WebCrypto
// hashing that signs byte-for-byte like the Node build, and no default credential chain.
const PAGE = fileURLToPath(new URL('./page.js', import.meta.url));
const WORKER_PAGE = fileURLToPath(new URL('./page-worker.js', import.meta.url));
/** Bundled like a page, served at /worker/entry.js and started by WORKER_PAGE as a module worker. */
const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));

const REGION = 'eu-central-1';
const SERVICE = 'execute-api';
const SIGNING_DATE = '2026-01-02T03:04:05.000Z';
/** A fixture, never a real key. */
const CREDENTIALS = {
  accessKeyId: 'ASIABROWSERTESTEXAMPLE',
  secretAccessKey: 'browser/Test+Secret/Key/EXAMPLEKEY0123456789',
  sessionToken: 'browser-test-session-token-EXAMPLE',
};
const URL_BASE = 'https://abc123.execute-api.eu-central-1.amazonaws.com/dev';
const REQUESTS = [
  {
    name: 'GET with query',
    method: 'GET',
    url: `${URL_BASE}/items/a%20b?q=a%20b&tag=y&tag=x&empty=`,
    headers: {},
    body: 'none',
  },
  {
    name: 'POST string',
    method: 'POST',
    url: `${URL_BASE}/items`,
    headers: { 'content-type': 'application/json' },
    body: 'string',
  },
  {
    name: 'PUT bytes',
    method: 'PUT',
    url: `${URL_BASE}/items/1`,
    headers: { 'content-type': 'text/plain' },
    body: 'bytes',
  },
  {
    name: 'POST Blob',
    method: 'POST',
    url: `${URL_BASE}/blobs`,
    headers: { 'content-type': 'application/octet-stream' },
    body: 'blob',
  },
  { name: 'POST form', method: 'POST', url: `${URL_BASE}/forms`, headers: {}, body: 'form' },
] as const;

const NODE_BODIES = {
  none: () => undefined,
  string: () => 'grüße ✓ {"a":1}',
  bytes: () => new TextEncoder().encode('grüße ✓ {"a":1}'),
  blob: () => new Blob(['grüße ✓ ', '{"a":1}'], { type: 'application/octet-stream' }),
  form: () => new URLSearchParams({ q: 'a b', tag: 'x&y' }),
};

/** One AWS vector as the page signs it: signer options, sign/explain input, presign input. */
function suiteInput(c: SuiteCase) {
  const { context, request } = c;
  const host = request.headers.find(([name]) => name.toLowerCase() === 'host')?.[1] ?? '';
  const url = `https://${host}${request.target}`;
  const token = context.credentials.token;
  return {
    name: c.name,
    signer: {
      region: context.region,
      service: context.service,
      credentials: {
        accessKeyId: context.credentials.access_key_id,
        secretAccessKey: context.credentials.secret_access_key,
        ...(token && context.omit_session_token !== true ? { sessionToken: token } : {}),
      },
      uriEscapePath: context.normalize,
      applyChecksum: context.sign_body,
      now: context.timestamp,
    },
    input: { method: request.method, url, headers: request.headers, body: request.body },
    presign: {
      method: request.method,
      url,
      headers: request.headers,
      body: context.sign_body ? request.body : undefined,
      expiresIn: context.expiration_in_seconds,
    },
  };
}
const SUITE = loadSuite();
/**
 * Vectors whose request path a browser can put on the wire as written. The others (a raw space or
 * UTF-8 bytes, `.`/`..` segments) reach the network in WHATWG-normalized form, which is what gets
 * signed; for those the browser is held to the Node build's result instead.
 */
const SENDABLE = SUITE.filter((c) => {
  const { input } = suiteInput(c);
  return new URL(input.url).pathname === c.request.target.split('?')[0];
});

describe('browser build of @sigv4/core', () => {
  const measured = measureTarget('core');

  it('imports no Node built-in anywhere', async () => {
    const core = await measured;
    expect(findNodeBuiltinImports(core.bundle.metafile), describeSize(core)).toEqual([]);
  });

  it('is what the `browser` export condition of package.json resolves to', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, Record<string, { default?: string } | undefined>>;
    };
    const browserEntry = pkg.exports['.']?.browser?.default;
    expect(browserEntry, 'exports["."].browser.default').toMatch(/^\.\/dist\/.+\.js$/);
    const core = await measured;
    const built = existsSync(new URL(`../../${browserEntry}`, import.meta.url));
    // Unbuilt (or SIGV4_BROWSER_FROM=src), the harness bundles the source the browser build is made from.
    const fromSource = !built || process.env.SIGV4_BROWSER_FROM === 'src';
    expect(core.bundle.workspaceFiles['@sigv4/core']).toBe(
      fromSource ? 'packages/core/src/index.ts' : `packages/core/${browserEntry?.slice(2)}`,
    );
  });
});

describe.skipIf(!HAS_CHROMIUM)(
  HAS_CHROMIUM ? '@sigv4/core in Chromium' : `@sigv4/core in Chromium (skipped: ${CHROMIUM_MISSING_MESSAGE})`,
  () => {
    let suite: BrowserSuite;
    let gateway: Gateway;
    let results: Awaited<ReturnType<BrowserSuite['run']>>;
    /** Paths the static server answered while the core page ran. */
    let servedForCore: string[] = [];

    beforeAll(async () => {
      gateway = await startGateway();
      suite = await startBrowserSuite({ pages: { core: PAGE, 'page-worker': WORKER_PAGE, worker: WORKER } });
      results = await suite.run('core', {
        requests: REQUESTS,
        credentials: CREDENTIALS,
        region: REGION,
        service: SERVICE,
        signingDate: SIGNING_DATE,
        suite: SUITE.map(suiteInput),
        gateway: { url: gateway.url, region: gateway.region, service: gateway.service, credentials: TEST_CREDENTIALS },
      });
      servedForCore = [...suite.served];
    }, BROWSER_HOOK_TIMEOUT_MS);

    afterAll(async () => {
      await suite?.close();
      await gateway?.close();
    });

    it('presigns a link in the page that a plain cross-origin fetch opens, and refuses it with a changed query', () => {
      expect(results['presigned link'], JSON.stringify(results['presigned link'])).toMatchObject({
        status: 200,
        body: { answer: { method: 'GET', params: { client: 'core-presign' } } },
      });
      expect(results['presigned link tampered']).toMatchObject({ status: 403 });
      const sent = gateway.requests.filter((q) => q.api === 'execute-api');
      // A presigned GET carries no signed headers: a simple CORS request, no preflight.
      expect(sent.map((q) => [q.method, q.status])).toEqual([
        ['GET', 200],
        ['GET', 403],
      ]);
      expect(sent[0]?.query).toMatch(/X-Amz-Signature=[0-9a-f]{64}/);
    });

    /** The lazy chunk holding region/service inference (its tables name R2's host). */
    const isInference = (code: string) => code.includes('r2.cloudflarestorage.com');

    /** The lazy chunk holding the pure-JS SHA-256 (`@aws-crypto/sha256-js`). */
    const isJsSha256 = (code: string) => code.includes('Attempted to update an already finished hash');

    it('never downloads the lazy pure-JS SHA-256 chunk where WebCrypto exists', () => {
      const lazy =
        suite.bundles.core?.chunks.filter((c) => !c.initial && isJsSha256(c.code)).map((c) => `/core/${c.name}`) ?? [];
      expect(lazy).toHaveLength(1);
      expect(servedForCore).toContain('/core/entry.js');
      expect(servedForCore.filter((path) => lazy.includes(path))).toEqual([]);
    });

    it('infers region and service in the page from a lazily loaded chunk, not from the entry', () => {
      expect(results.inferred).toMatchObject({ body: { region: 'eu-west-1', service: 'appstream' } });
      const chunks = suite.bundles.core?.chunks ?? [];
      const inference = chunks.filter((c) => isInference(c.code));
      expect(inference.map((c) => c.initial)).toEqual([false]);
      expect(servedForCore).toContain(`/core/${inference[0]?.name}`);
    });

    it('hashes and signs with WebCrypto (crypto.subtle) in the page', () => {
      expect(results['WebCrypto available']).toMatchObject({ body: 'function' });
      const calls = results['WebCrypto calls']?.body as { digest: number; sign: number; importKey: number };
      // Every signing hashes its canonical request and runs the HMAC chain (or reuses a cached key).
      expect(calls.digest).toBeGreaterThanOrEqual(REQUESTS.length);
      expect(calls.sign).toBeGreaterThanOrEqual(REQUESTS.length);
      expect(calls.importKey).toBeGreaterThanOrEqual(1);
    });

    it.each(REQUESTS.map((r) => [r.name, r] as const))('signs %s exactly as the Node build does', async (_name, r) => {
      const signer = createSigner({
        region: REGION,
        service: SERVICE,
        credentials: CREDENTIALS,
        now: () => new Date(SIGNING_DATE),
      });
      const expected = await signer.sign({
        method: r.method,
        url: r.url,
        headers: { ...r.headers },
        body: NODE_BODIES[r.body](),
      });
      const inBrowser = results[`sign ${r.name}`];
      expect(inBrowser?.error).toBeUndefined();
      expect(inBrowser?.body).toEqual(expected.headers);
    });

    type SuiteResult = {
      headers: Record<string, string>;
      canonicalRequest: string;
      stringToSign: string;
      signature: string;
      link: string;
    };
    const suiteResult = (c: SuiteCase): SuiteResult => {
      const result = results[`suite ${c.name}`];
      expect(result?.error).toBeUndefined();
      return result?.body as SuiteResult;
    };

    it.each(SENDABLE.map((c) => [c.name, c] as const))(
      "matches AWS's expected signatures for vector %s on WebCrypto",
      (_name, c) => {
        const got = suiteResult(c);
        const signature = c.read('header-signature.txt');
        expect(got.signature).toBe(signature);
        expect(got.headers.authorization).toMatch(new RegExp(`Signature=${signature}$`));
        expect(got.stringToSign).toBe(c.read('header-string-to-sign.txt'));
        expect(got.link).toContain(`X-Amz-Signature=${c.read('query-signature.txt')}`);
      },
    );

    it.each(SUITE.map((c) => [c.name, c] as const))(
      'signs vector %s in the browser exactly as the Node build does',
      async (_name, c) => {
        const got = suiteResult(c);
        const input = suiteInput(c);
        const node = createSigner({ ...input.signer, now: () => new Date(input.signer.now) });
        expect(got.headers).toEqual((await node.sign(input.input)).headers);
        expect(got.canonicalRequest).toBe((await node.explain(input.input)).canonicalRequest);
        expect(got.link).toBe(await node.presign(input.presign));
      },
    );

    it('signs inside a module Web Worker exactly as the Node build does', async () => {
      const request = REQUESTS[1];
      const signer = { region: REGION, service: SERVICE, credentials: CREDENTIALS, now: SIGNING_DATE };
      const wire = { method: request.method, url: request.url, headers: request.headers, body: 'grüße ✓ {"a":1}' };
      const result = (await suite.run('page-worker', { signer, request: wire }))['signed in a worker'];
      const node = createSigner({ ...signer, now: () => new Date(SIGNING_DATE) });
      expect(result?.error, JSON.stringify(result)).toBeUndefined();
      expect(result?.body).toEqual({
        headers: (await node.sign({ ...wire, headers: { ...wire.headers } })).headers,
        scope: { window: 'undefined', document: 'undefined' },
      });
    });

    it('rejects with CREDENTIALS_MISSING that says to pass credentials when a browser signer has none', () => {
      const result = results['no credentials'];
      expect(result?.error).toMatchObject({ name: 'SigV4Error', code: 'CREDENTIALS_MISSING' });
      expect(result?.error?.message).toMatch(/pass `credentials`/);
      expect(result?.error?.message).toMatch(/fromCognitoIdentityPool/);
      expect(result?.body).toEqual({ isSigV4Error: true });
    });
  },
);
