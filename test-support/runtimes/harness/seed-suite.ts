// The end-to-end suite Bun and Deno share: one gateway, one run of in-runtime/run-seed.mjs, then
// assertions on its report. Skips loudly (a skipped test naming the reason, and a warning).

import { type Gateway, startGateway, TEST_API_KEY, TEST_CREDENTIALS, TEST_ROLE_ARN } from '@sigv4/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  missingBuilds,
  probeRuntime,
  type RuntimeName,
  runSeed,
  runtimeLabel,
  type SeedReport,
  type SeedRow,
} from './runtime-process.js';

const CLIENTS = ['fetch', 'ky', 'axios'];

/** Declares the skipped placeholder that says why a runtime's suite did not run. */
export function describeSkipped(label: string, reason: string): void {
  console.warn(`[runtimes] ${label} end-to-end tests SKIPPED: ${reason}`);
  describe.skip(`${label} (SKIPPED: ${reason})`, () => {
    it("runs the seed's calls against @sigv4/gateway", () => {});
  });
}

/** One line saying what ran where, so a passing run shows it too. */
export function logRun(where: string, rows: SeedRow[]): void {
  const calls = rows
    .map((row) => `${row.client} ${row.method} ${row.status || row.error?.code || row.error?.name}`)
    .join(', ');
  console.info(`[runtimes] ${where}: ${calls}`);
}

/** Why the runtime tests cannot run here, or undefined. */
export function buildSkipReason(): string | undefined {
  const missing = missingBuilds();
  return missing.length > 0 ? `${missing.join(', ')} not built; run npm run build` : undefined;
}

export function describeSeedCalls(name: RuntimeName): void {
  const label = runtimeLabel(name);
  const probe = probeRuntime(name);
  const skip = probe.ok ? buildSkipReason() : probe.reason;
  if (!probe.ok || skip) {
    describeSkipped(label, skip ?? 'unknown');
    return;
  }

  describe(`${label} ${probe.version} (npm package "${name}"): the seed's calls on the built packages against @sigv4/gateway`, () => {
    let gateway: Gateway;
    let report: SeedReport;

    beforeAll(async () => {
      gateway = await startGateway({ apiKeys: [TEST_API_KEY], roles: [TEST_ROLE_ARN] });
      report = await runSeed(probe, name, {
        apiUrl: gateway.url,
        apiKey: TEST_API_KEY,
        stsUrl: gateway.stsUrl,
        roleArn: TEST_ROLE_ARN,
        region: gateway.region,
        masterCredentials: {
          accessKeyId: TEST_CREDENTIALS.accessKeyId,
          secretAccessKey: TEST_CREDENTIALS.secretAccessKey,
        },
      });
      logRun(`${label} ${probe.version}`, report.rows);
    }, 150_000);

    afterAll(async () => {
      await gateway?.close();
    });

    const show = (): string => JSON.stringify(report, null, 1);

    it(`runs in ${label} ${probe.version} and loads the Node build of @sigv4/core (node:crypto, the SDK default chain)`, () => {
      expect(report.runtime, show()).toBe(name);
      expect(report.version).toBe(probe.version);
      expect(report.resolved['@sigv4/core']).toBe('packages/core/dist/index.js');
    });

    it("assumes the role through the gateway's STS with fromAssumeRole (session1, 900 s)", () => {
      expect(report.assumed, show()).toEqual({ accessKeyIdPrefix: 'ASIA', expires: true });
    });

    it('signs GET ?client=<name> and POST {"client":"<name>"} with x-api-key through fetch, ky and axios, each answered 200', () => {
      const expected = CLIENTS.flatMap((client) => [
        { client, method: 'GET', status: 200, echoed: { client } },
        { client, method: 'POST', status: 200, echoed: { client } },
      ]);
      expect(report.rows, show()).toEqual(expected);
    });

    it('finds AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY through the AWS SDK default chain when no credentials are passed', () => {
      expect(report.defaultChain.fromEnv, show()).toEqual({ status: 200 });
    });

    it('throws SigV4Error CREDENTIALS_MISSING, naming what to pass, when the default chain finds nothing', () => {
      expect(report.defaultChain.missing.isSigV4Error, show()).toBe(true);
      expect(report.defaultChain.missing.error?.code).toBe('CREDENTIALS_MISSING');
      expect(report.defaultChain.missing.error?.message).toMatch(/pass `credentials`/);
    });
  });
}
