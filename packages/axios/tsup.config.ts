import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

/** The browser build swaps `src/platform/node.ts` (redirects, form-data) for `src/platform/browser.ts`. */
const browserPlatform: Plugin = {
  name: 'sigv4-browser-platform',
  setup(build) {
    const browser = fileURLToPath(new URL('./src/platform/browser.ts', import.meta.url));
    build.onResolve({ filter: /\/platform\/node(\.js)?$/ }, () => ({ path: browser }));
  },
};

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: false, // the build script empties dist/ once, before both builds
    sourcemap: false,
    target: 'node20',
  },
  {
    // Browsers and workers (`browser` export condition): ESM only, same types.
    entry: { index: 'src/index.ts' },
    outDir: 'dist/browser',
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: false,
    target: 'es2022',
    platform: 'browser',
    esbuildPlugins: [browserPlatform],
  },
]);
