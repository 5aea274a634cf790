// Node side of the Bun and Deno tests: find each runtime's binary in node_modules, run the seed's
// story in it (in-runtime/run-seed.mjs) against a gateway the test started, read its JSON report.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** Repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RUN_SEED = fileURLToPath(new URL('../in-runtime/run-seed.mjs', import.meta.url));
const require = createRequire(REPO_ROOT);

/** The directory of an installed package, or undefined. */
export function packageDir(name: string): string | undefined {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

export type RuntimeProbe = { ok: true; version: string; bin: string } | { ok: false; reason: string };

export type RuntimeName = 'bun' | 'deno';

/**
 * Each runtime as an app would run the seed script, never installing anything (`--no-install`,
 * `--cached-only`: packages come from node_modules). Deno gets the permissions the AWS SDK's STS
 * client and default chain need: loopback network, env, file reads (node_modules, ~/.aws) and the
 * OS release (the SDK's user agent).
 */
const RUNTIMES: Record<RuntimeName, { label: string; bin: string; args: string[] }> = {
  bun: { label: 'Bun', bin: 'bin/bun.exe', args: ['--no-install'] },
  deno: {
    label: 'Deno',
    bin: 'deno',
    args: [
      'run',
      '--cached-only',
      '--no-lock',
      '--no-prompt',
      '--allow-net=127.0.0.1',
      '--allow-env',
      '--allow-read',
      '--allow-sys=osRelease',
    ],
  },
};

export const runtimeLabel = (name: RuntimeName): string => RUNTIMES[name].label;

/** Whether the runtime's binary (the npm package's own, never a download) runs here, and its version. */
export function probeRuntime(name: RuntimeName): RuntimeProbe {
  const dir = packageDir(name);
  if (!dir) return { ok: false, reason: `the ${name} package is not installed (npm ci installs it)` };
  const bin = join(dir, RUNTIMES[name].bin);
  if (!existsSync(bin))
    return { ok: false, reason: `${bin} is missing (the ${name} package's install script did not place its binary)` };
  const result = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0)
    return { ok: false, reason: `${bin} --version failed: ${(result.error?.message ?? result.stderr).trim()}` };
  const version = /(\d+\.\d+\.\d+)/.exec(result.stdout)?.[1] ?? result.stdout.trim();
  return { ok: true, version, bin };
}

const PACKAGES = ['core', 'fetch', 'ky', 'axios'];

/** The packages whose `dist` is missing: the runtimes load what would be published. */
export function missingBuilds(): string[] {
  return PACKAGES.filter((name) => !existsSync(join(REPO_ROOT, 'packages', name, 'dist/index.js'))).map(
    (name) => `@sigv4/${name}`,
  );
}

export interface SeedTarget {
  apiUrl: string;
  apiKey: string;
  stsUrl: string;
  roleArn: string;
  region: string;
  masterCredentials: { accessKeyId: string; secretAccessKey: string };
}

export interface ErrorData {
  name: string;
  message: string;
  code?: string;
}

export interface SeedRow {
  client: string;
  method: 'GET' | 'POST';
  status: number;
  echoed?: unknown;
  answer?: unknown;
  error?: ErrorData;
}

/** What in-runtime/run-seed.mjs prints. */
export interface SeedReport {
  runtime: string;
  version: string;
  resolved: Record<string, string>;
  assumed: { accessKeyIdPrefix?: string; expires?: boolean; error?: ErrorData };
  rows: SeedRow[];
  defaultChain: {
    fromEnv: { status?: number; error?: ErrorData };
    missing: { status?: number; error?: ErrorData; isSigV4Error?: boolean };
  };
}

/**
 * Runs in-runtime/run-seed.mjs in `runtime` from the repository root (so `@sigv4/*` resolve to the
 * built packages through node_modules), with a clean environment: no AWS config files, no instance
 * metadata, a fresh HOME, and `target.masterCredentials` in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
 * for the default-chain check.
 */
export async function runSeed(
  probe: Extract<RuntimeProbe, { ok: true }>,
  name: RuntimeName,
  target: SeedTarget,
): Promise<SeedReport> {
  const home = await mkdtemp(join(tmpdir(), `sigv4-${name}-`));
  try {
    const { stdout } = await promisify(execFile)(
      probe.bin,
      [...RUNTIMES[name].args, RUN_SEED, JSON.stringify(target)],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 120_000,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: home,
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_CONFIG_FILE: join(home, 'no-aws-config'),
          AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-aws-credentials'),
          AWS_ACCESS_KEY_ID: target.masterCredentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: target.masterCredentials.secretAccessKey,
          DENO_DIR: join(home, 'deno'),
          DENO_NO_UPDATE_CHECK: '1',
          DO_NOT_TRACK: '1',
          NO_COLOR: '1',
        },
      },
    );
    const line = stdout.trim().split('\n').at(-1) ?? '';
    return JSON.parse(line) as SeedReport;
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}
