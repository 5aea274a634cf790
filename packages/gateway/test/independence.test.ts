import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

describe('independence of the verifier', () => {
  it('imports neither @smithy/signature-v4 nor @sigv4/core (nor any other package) from src', () => {
    const imports = readdirSync(SRC)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        [...readFileSync(`${SRC}${f}`, 'utf8').matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)|\brequire\(\s*'([^']+)'\s*\)/gm)].map(
          (m) => m[1] ?? m[2] ?? m[3] ?? '',
        ),
      );
    expect(imports.length).toBeGreaterThan(20);
    const external = [...new Set(imports.filter((s) => !s.startsWith('./')))].sort();
    // Node built-ins only: no signer, no SDK
    expect(external).toEqual(['node:crypto', 'node:http', 'node:net', 'node:url', 'node:util'].filter((m) => external.includes(m)));
    expect(external).not.toContain('@smithy/signature-v4');
    expect(external).not.toContain('@sigv4/core');
  });
});
