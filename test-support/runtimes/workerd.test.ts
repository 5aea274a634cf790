// Cloudflare Workers, run locally by workerd (the `workerd` npm package's binary), with no
// compatibility flags: a Worker bundled as Cloudflare's tooling bundles it makes the seed's calls
// through fetch, ky and axios (axios's fetch adapter) against @sigv4/gateway.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Gateway, startGateway, TEST_API_KEY, TEST_CREDENTIALS, TEST_ROLE_ARN } from '@sigv4/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorData, SeedRow } from './harness/runtime-process.js';
import { buildSkipReason, describeSkipped, logRun } from './harness/seed-suite.js';
import {
  bundleForWorkerd,
  COMPATIBILITY_DATE,
  probeWorkerd,
  type RunningWorker,
  startWorkerd,
} from './harness/workerd.js';

const WORKER = fileURLToPath(new URL('./in-runtime/worker.mjs', import.meta.url));
const CLIENTS = ['fetch', 'ky', 'axios'];
const README = fileURLToPath(new URL('../../README.md', import.meta.url));

/** The root README's Workers example: the ```ts block that starts with `// Cloudflare Worker`. */
function readmeWorkerExample(): string {
  const block = /```ts\n(\/\/ Cloudflare Worker[\s\S]*?)```/.exec(readFileSync(README, 'utf8'))?.[1];
  if (!block) throw new Error('README.md has no ```ts block starting with "// Cloudflare Worker"');
  return block;
}

interface WorkerReport {
  rows: SeedRow[];
  fromSecrets: { status: number };
  defaultChain: { error?: ErrorData; isSigV4Error?: boolean; signed?: boolean };
  hasNodeProcess: boolean;
  error?: ErrorData;
}

const probe = probeWorkerd();
const skip = probe.ok ? buildSkipReason() : probe.reason;
if (!probe.ok || skip) {
  describeSkipped('workerd', skip ?? 'unknown');
} else {
  describe(`workerd ${probe.version} (npm package "workerd", compatibility date ${COMPATIBILITY_DATE}, no nodejs_compat): the seed's calls in a Worker against @sigv4/gateway`, () => {
    let gateway: Gateway;
    let worker: RunningWorker;
    let report: WorkerReport;

    beforeAll(async () => {
      gateway = await startGateway({ apiKeys: [TEST_API_KEY], roles: [TEST_ROLE_ARN] });
      // axios is the one client whose own packaging needs a hint on platform neutral (see workers-bundle.test.ts).
      const bundle = await bundleForWorkerd({ entry: WORKER, alias: { axios: 'axios/dist/browser/axios.cjs' } });
      expect(bundle.nodeBuiltins).toEqual([]);
      // What a deployed Worker gets as vars and secrets.
      worker = await startWorkerd({
        code: bundle.code,
        bindings: {
          API_URL: gateway.url,
          API_KEY: TEST_API_KEY,
          STS_URL: gateway.stsUrl,
          ROLE_ARN: TEST_ROLE_ARN,
          AWS_REGION: gateway.region,
          AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
        },
      });
      const response = await fetch(worker.url);
      report = (await response.json()) as WorkerReport;
      logRun(`workerd ${probe.version}`, report.rows ?? []);
    }, 150_000);

    afterAll(async () => {
      await worker?.close();
      await gateway?.close();
    });

    it("runs the root README's Workers example as it is written, with its vars and secrets as bindings", async () => {
      const bundle = await bundleForWorkerd({ contents: readmeWorkerExample(), loader: 'ts' });
      expect(bundle.nodeBuiltins).toEqual([]);
      const example = await startWorkerd({
        code: bundle.code,
        bindings: {
          API_URL: gateway.url,
          API_KEY: TEST_API_KEY,
          AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
        },
      });
      try {
        const response = await fetch(example.url);
        const body = (await response.json()) as { params?: unknown };
        expect(response.status, `${JSON.stringify(body)}\n${example.output()}`).toBe(200);
        expect(body.params).toEqual({ client: 'worker' });
      } finally {
        await example.close();
      }
    });

    const show = (): string => `${JSON.stringify(report, null, 1)}\n${worker?.output() ?? ''}`;

    it('runs without Node APIs (no `process` global)', () => {
      expect(report.error, show()).toBeUndefined();
      expect(report.hasNodeProcess).toBe(false);
    });

    it('signs GET ?client=<name> and POST {"client":"<name>"} with x-api-key through fetch, ky and axios, with credentials from an STS AssumeRole (session1, 900 s) made over fetch', () => {
      const expected = CLIENTS.flatMap((client) => [
        { client, method: 'GET', status: 200, echoed: { client } },
        { client, method: 'POST', status: 200, echoed: { client } },
      ]);
      expect(report.rows, show()).toEqual(expected);
    });

    it('signs with keys read from secrets on `env`', () => {
      expect(report.fromSecrets, show()).toEqual({ status: 200 });
    });

    it('has no default credential chain: SigV4Error CREDENTIALS_MISSING names what to pass', () => {
      expect(report.defaultChain.isSigV4Error, show()).toBe(true);
      expect(report.defaultChain.error?.code).toBe('CREDENTIALS_MISSING');
      expect(report.defaultChain.error?.message).toMatch(/pass `credentials`/);
      expect(report.defaultChain.error?.message).toMatch(/Workers/);
    });
  });
}
