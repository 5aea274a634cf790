/**
 * Smoke test of the published shape: every package in packages/* that has a built `dist` is
 * imported (ESM) and required (CJS) by name under the machine's own Node 20 (/usr/bin/node), not
 * the pinned Node 24, since published code must run on Node >= 20.19. Core also signs a request,
 * once with static credentials and once through the lazily imported default chain.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const NODE = '/usr/bin/node';
/** Builders in this repository hold this lock (`flock /tmp/sigv4-build.lock …`) while dist/ is rewritten. */
const BUILD_LOCK = '/tmp/sigv4-build.lock';
const FLOCK = '/usr/bin/flock';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PACKAGES_DIR = `${ROOT}packages/`;
const hasNode = existsSync(NODE);
const nodeVersion = hasNode ? spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim() : 'missing';

interface Workspace {
  name: string;
  dir: string;
  built: boolean;
}

const workspaces: Workspace[] = readdirSync(PACKAGES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`${PACKAGES_DIR}${entry.name}/package.json`))
  .map((entry) => {
    const dir = `${PACKAGES_DIR}${entry.name}/`;
    const manifest = JSON.parse(readFileSync(`${dir}package.json`, 'utf8')) as { name: string };
    return { name: manifest.name, dir, built: existsSync(`${dir}dist/index.js`) && existsSync(`${dir}dist/index.cjs`) };
  });

/** Runs a script under Node 20 from the repository root, so package names resolve through exports. */
function run(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  // Wait for a concurrent build to finish writing dist/ (a shared lock: smoke runs do not block each other).
  const [command, argv] = existsSync(FLOCK) ? [FLOCK, ['--shared', BUILD_LOCK, NODE, ...args]] : [NODE, args];
  const result = spawnSync(command, argv, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 110_000,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/nonexistent/sigv4-smoke-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/sigv4-smoke-credentials',
      ...env,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const exportsScript = (name: string, mode: 'esm' | 'cjs'): string[] =>
  mode === 'esm'
    ? ['--input-type=module', '-e', `const m = await import(${JSON.stringify(name)}); console.log(JSON.stringify(Object.keys(m).filter((k) => k !== 'default').sort()));`]
    : ['-e', `const m = require(${JSON.stringify(name)}); console.log(JSON.stringify(Object.keys(m).sort()));`];

const SIGN = `
  const signer = createSigner(process.env.SMOKE_STATIC ? { region: 'eu-central-1', service: 'execute-api', credentials: { accessKeyId: 'AKIDSMOKE', secretAccessKey: 'smoke-secret-EXAMPLE' } } : {});
  const signed = await signer.sign({ method: 'POST', url: 'https://abc123.execute-api.eu-central-1.amazonaws.com/prod/items?x=1', headers: { 'content-type': 'application/json' }, body: '{}' });
  console.log(signed.headers.authorization);
`;
const signScript = (mode: 'esm' | 'cjs'): string[] =>
  mode === 'esm'
    ? ['--input-type=module', '-e', `import { createSigner } from '@sigv4/core';${SIGN}`]
    : ['-e', `const { createSigner } = require('@sigv4/core'); (async () => {${SIGN}})().catch((e) => { console.error(e); process.exit(1); });`];

describe(`built packages under ${NODE} (${nodeVersion})`, { timeout: 120_000 }, () => {
  if (!hasNode) it.skip(`skipped: ${NODE} is missing, so the Node 20 smoke test cannot run`, () => {});

  for (const workspace of workspaces) {
    const label = workspace.built ? workspace.name : `${workspace.name} (skipped: no dist/index.js + dist/index.cjs; run npm run build)`;
    describe(label, () => {
      it.skipIf(!hasNode || !workspace.built)('imports as ESM and requires as CJS with the same exports', () => {
        const esm = run(exportsScript(workspace.name, 'esm'));
        const cjs = run(exportsScript(workspace.name, 'cjs'));
        expect(esm.stderr).toBe('');
        expect(cjs.stderr).toBe('');
        expect(esm.status).toBe(0);
        expect(cjs.status).toBe(0);
        const esmKeys = JSON.parse(esm.stdout) as string[];
        expect(esmKeys.length).toBeGreaterThan(0);
        expect(JSON.parse(cjs.stdout)).toEqual(esmKeys);
      });
    });
  }

  const core = workspaces.find((w) => w.name === '@sigv4/core');
  for (const mode of ['esm', 'cjs'] as const) {
    it.skipIf(!hasNode || !core?.built)(`signs a request with createSigner from the ${mode.toUpperCase()} build`, () => {
      const result = run(signScript(mode), { SMOKE_STATIC: '1' });
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDSMOKE\/\d{8}\/eu-central-1\/execute-api\/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}\n$/);
    });

    it.skipIf(!hasNode || !core?.built)(`finds credentials through the default chain from the ${mode.toUpperCase()} build`, () => {
      const result = run(signScript(mode), { AWS_ACCESS_KEY_ID: 'AKIDSMOKEENV', AWS_SECRET_ACCESS_KEY: 'smoke-env-secret-EXAMPLE' });
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDSMOKEENV\//);
    });
  }
});
