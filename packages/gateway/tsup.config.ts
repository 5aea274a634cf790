import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    target: 'node20',
  },
  {
    // The `sigv4-gateway` bin: ESM only, keeps its `#!/usr/bin/env node` line.
    entry: ['src/cli.ts'],
    format: ['esm'],
    dts: false,
    sourcemap: false,
    target: 'node20',
  },
]);
