/**
 * Smoke test of the published shape on every Node major the packages promise (`engines`), with
 * the Node binaries the root devDependencies install from the registry (`node` for 24, the
 * `node22` alias), not the toolchain's own process. For each major: every package in packages/*
 * that has a built `dist` is imported (ESM) and required (CJS) by name, core signs a request
 * (static credentials and the lazily imported default chain), and each adapter plus
 * `fromAssumeRole` gets a 200 from a started @sigv4/gateway. Nothing may be printed on stderr.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Builders in this repository hold this lock (`flock /tmp/sigv4-build.lock …`) while dist/ is rewritten. */
const BUILD_LOCK = '/tmp/sigv4-build.lock';
const FLOCK = '/usr/bin/flock';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGES_DIR = `${ROOT}packages/`;
const E2E_SCRIPT = fileURLToPath(new URL('./in-runtime/node-adapters-e2e.mjs', import.meta.url));

/** The Node majors the README and `engines` promise, each with the binaries that may provide it. */
const PROMISED_NODE_MAJORS: Record<number, string[]> = {
  22: ['node_modules/node22/bin/node'],
  24: ['node_modules/node24/bin/node', 'node_modules/node/bin/node'],
};

interface NodeBinary {
  major: number;
  path: string | undefined;
  version: string;
}

/** The first candidate binary that exists and reports the wanted major. */
function findNode(major: number, candidates: string[]): NodeBinary {
  for (const candidate of candidates) {
    const path = `${ROOT}${candidate}`;
    if (!existsSync(path)) continue;
    const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (version.startsWith(`v${major}.`)) return { major, path, version };
  }
  return { major, path: undefined, version: `missing (looked for ${candidates.join(', ')}; run npm ci)` };
}

const nodes = Object.entries(PROMISED_NODE_MAJORS).map(([major, candidates]) => findNode(Number(major), candidates));

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

/** Runs a script under `node` from the repository root, so package names resolve through exports. */
function run(
  node: string,
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  // Wait for a concurrent build to finish writing dist/ (a shared lock: smoke runs do not block each other).
  const [command, argv] = existsSync(FLOCK) ? [FLOCK, ['--shared', BUILD_LOCK, node, ...args]] : [node, args];
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
    ? [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(name)}); console.log(JSON.stringify(Object.keys(m).filter((k) => k !== 'default').sort()));`,
      ]
    : ['-e', `const m = require(${JSON.stringify(name)}); console.log(JSON.stringify(Object.keys(m).sort()));`];

const SIGN = `
  const signer = createSigner(process.env.SMOKE_STATIC ? { region: 'eu-central-1', service: 'execute-api', credentials: { accessKeyId: 'AKIDSMOKE', secretAccessKey: 'smoke-secret-EXAMPLE' } } : {});
  const signed = await signer.sign({ method: 'POST', url: 'https://abc123.execute-api.eu-central-1.amazonaws.com/prod/items?x=1', headers: { 'content-type': 'application/json' }, body: '{}' });
  console.log(signed.headers.authorization);
`;
const signScript = (mode: 'esm' | 'cjs'): string[] =>
  mode === 'esm'
    ? ['--input-type=module', '-e', `import { createSigner } from '@sigv4/core';${SIGN}`]
    : [
        '-e',
        `const { createSigner } = require('@sigv4/core'); (async () => {${SIGN}})().catch((e) => { console.error(e); process.exit(1); });`,
      ];

const allBuilt = workspaces.length > 0 && workspaces.every((w) => w.built);

for (const node of nodes) {
  const binary = node.path ?? '';
  const missing = node.path === undefined;
  describe(`built packages under Node ${node.major} (${node.version})`, { timeout: 120_000 }, () => {
    if (missing)
      it.skip(`skipped: no Node ${node.major} binary, so the promise of Node ${node.major} support is not checked`, () => {});

    for (const workspace of workspaces) {
      const label = workspace.built
        ? workspace.name
        : `${workspace.name} (skipped: no dist/index.js + dist/index.cjs; run npm run build)`;
      describe(label, () => {
        it.skipIf(missing || !workspace.built)('imports as ESM and requires as CJS with the same exports', () => {
          const esm = run(binary, exportsScript(workspace.name, 'esm'));
          const cjs = run(binary, exportsScript(workspace.name, 'cjs'));
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
      it.skipIf(missing || !core?.built)(
        `signs a request with createSigner from the ${mode.toUpperCase()} build`,
        () => {
          const result = run(binary, signScript(mode), { SMOKE_STATIC: '1' });
          expect(result.stderr).toBe('');
          expect(result.stdout).toMatch(
            /^AWS4-HMAC-SHA256 Credential=AKIDSMOKE\/\d{8}\/eu-central-1\/execute-api\/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}\n$/,
          );
        },
      );

      it.skipIf(missing || !core?.built)(
        `finds credentials through the default chain from the ${mode.toUpperCase()} build`,
        () => {
          const result = run(binary, signScript(mode), {
            AWS_ACCESS_KEY_ID: 'AKIDSMOKEENV',
            AWS_SECRET_ACCESS_KEY: 'smoke-env-secret-EXAMPLE',
          });
          expect(result.stderr).toBe('');
          expect(result.stdout).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDSMOKEENV\//);
        },
      );
    }

    it.skipIf(missing || !allBuilt)(
      'gets a 200 from a started gateway with axios, ky, fetch and fromAssumeRole credentials',
      () => {
        const result = run(binary, [E2E_SCRIPT]);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(JSON.parse(result.stdout)).toEqual({ axios: 200, ky: 200, fetch: 200, fromAssumeRole: 200 });
      },
    );
  });
}
