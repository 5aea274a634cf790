import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const IMPORT =
  /^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)|\brequire\(\s*'([^']+)'\s*\)/gm;

/** Every module specifier imported anywhere under src/, folders included. */
function importsUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) =>
      [...readFileSync(`${dir}${file}`, 'utf8').matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? ''),
    );
}

describe('independence of the verifier', () => {
  it('reads the files in the folders of src, not only its top level', () => {
    const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.some((f) => f.startsWith('verify/'))).toBe(true);
    expect(importsUnder(SRC)).toContain('../constants.js');
  });

  it('imports nothing but its own files and Node built-ins from src: no signer, no SDK', () => {
    const imports = importsUnder(SRC);
    expect(imports.length).toBeGreaterThan(20);
    const external = [...new Set(imports.filter((s) => !s.startsWith('./') && !s.startsWith('../')))].sort();
    expect(external.filter((s) => !s.startsWith('node:'))).toEqual([]);
  });
});
