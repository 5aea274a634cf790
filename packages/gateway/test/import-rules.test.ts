import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIOME = join(ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');

// The repository's own biome.jsonc in an empty tree, so probes never land in a real src/.
const sandbox = mkdtempSync(join(tmpdir(), 'sigv4-import-rules-'));
const config = readFileSync(join(ROOT, 'biome.jsonc'), 'utf8').replace(
  /"vcs":\s*\{[^}]*\}/,
  '"vcs": { "enabled": false }',
);
writeFileSync(join(sandbox, 'biome.jsonc'), config);
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

let probes = 0;
/** Lints one file holding `source` at `path` (as if it were in the repository) and returns what Biome said. */
function lint(path: string, source: string): { ok: boolean; output: string } {
  const file = join(sandbox, path.replace('probe.ts', `probe-${++probes}.ts`));
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, source);
  const run = spawnSync(process.execPath, [BIOME, 'lint', '--max-diagnostics=5', file], {
    cwd: sandbox,
    encoding: 'utf8',
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

const importOf = (specifier: string) => `import * as m from '${specifier}';\n\nexport const used = m;\n`;

describe("Biome's import rules hold the architecture", () => {
  it.each([
    ['packages/core/src/probe.ts', 'axios'],
    ['packages/core/src/probe.ts', 'ky'],
    ['packages/core/src/request/probe.ts', '@sigv4/gateway'],
    ['packages/axios/src/probe.ts', '@sigv4/ky'],
    ['packages/axios/src/probe.ts', '@sigv4/gateway'],
    ['packages/ky/src/probe.ts', '@sigv4/fetch'],
    ['packages/ky/src/probe.ts', 'axios'],
    ['packages/fetch/src/probe.ts', '@sigv4/axios'],
    ['packages/fetch/src/probe.ts', '@sigv4/gateway'],
    ['packages/gateway/src/probe.ts', '@sigv4/core'],
    ['packages/gateway/src/verify/probe.ts', '@smithy/signature-v4'],
  ])('refuses %s importing %s', (path, specifier) => {
    const { ok, output } = lint(path, importOf(specifier));
    expect(ok, output).toBe(false);
    expect(output).toContain('lint/style/noRestrictedImports');
  });

  it.each([
    ['packages/axios/src/probe.ts', '@sigv4/core'],
    ['packages/ky/src/probe.ts', 'ky'],
    ['packages/gateway/src/probe.ts', 'node:crypto'],
    ['packages/ky/test/probe.ts', '@sigv4/gateway'],
  ])('lets %s import %s', (path, specifier) => {
    const { ok, output } = lint(path, importOf(specifier));
    expect(ok, output).toBe(true);
  });
});

const PACKAGES = ['core', 'axios', 'ky', 'fetch', 'gateway'] as const;
const SPECIFIER = /^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm;

/** Bare package names imported by a package's tests and the test-support modules they reach. */
function testImports(pkg: string): Map<string, string> {
  const testDir = join(ROOT, 'packages', pkg, 'test');
  const queue = readdirSync(testDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|mjs|js)$/.test(f))
    .map((f) => join(testDir, f));
  const seen = new Set(queue);
  const found = new Map<string, string>();
  while (queue.length > 0) {
    const file = queue.pop() as string;
    for (const m of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const specifier = m[1] ?? m[2] ?? '';
      if (specifier.startsWith('.')) {
        const target = join(dirname(file), specifier).replace(/\.js$/, '.ts');
        if (target.includes(`${sep}test-support${sep}`) && existsSync(target) && !seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      } else if (!specifier.startsWith('node:')) {
        const name = specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/');
        if (!found.has(name)) found.set(name, relative(ROOT, file));
      }
    }
  }
  return found;
}

const declared = (manifest: string): string[] => {
  const json = JSON.parse(readFileSync(manifest, 'utf8')) as Record<
    string,
    Record<string, string> | string | undefined
  >;
  const names = ['dependencies', 'devDependencies', 'peerDependencies'].flatMap((k) => Object.keys(json[k] ?? {}));
  return [String(json['name']), ...names];
};

describe('test imports are declared', () => {
  // the core page in Chromium opens a presigned link on the gateway; core cannot declare the gateway,
  // which declares core for its own cross-checks (npm workspaces and turbo refuse the cycle)
  const KNOWN_UNDECLARED = ['core → @sigv4/gateway (packages/core/test/browser/browser.test.ts)'];

  it.each(PACKAGES)('declares every package the tests of %s import (or the root does, for shared tools)', (pkg) => {
    const allowed = new Set([
      ...declared(join(ROOT, 'packages', pkg, 'package.json')),
      ...declared(join(ROOT, 'package.json')),
    ]);
    const undeclared = [...testImports(pkg)]
      .filter(([name]) => !allowed.has(name))
      .map(([name, file]) => `${pkg} → ${name} (${file})`);
    expect(undeclared.filter((u) => !KNOWN_UNDECLARED.includes(u))).toEqual([]);
  });
});
