import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
