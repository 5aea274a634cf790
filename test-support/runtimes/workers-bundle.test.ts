// Cloudflare Workers without `nodejs_compat`: the packages bundle the way Cloudflare's tooling
// bundles for workerd (esbuild, platform neutral, conditions workerd/worker/browser, main fields
// module/main) with no Node built-in left to resolve. workerd.test.ts runs such a bundle.
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness/runtime-process.js';
import { buildSkipReason, describeSkipped } from './harness/seed-suite.js';
import { bundleForWorkerd } from './harness/workerd.js';

const ALL = `
import * as core from '@sigv4/core';
import * as fetch from '@sigv4/fetch';
import * as ky from '@sigv4/ky';
export default { core, fetch, ky };
`;

const skip = buildSkipReason();
if (skip) {
  describeSkipped('Workers bundle (esbuild, platform neutral, workerd conditions)', skip);
} else {
  describe('a Workers bundle (esbuild --platform=neutral --conditions=workerd,worker,browser --main-fields=module,main)', () => {
    it('of @sigv4/core + @sigv4/fetch + @sigv4/ky imports no Node built-in', async () => {
      const bundle = await bundleForWorkerd({ contents: ALL });
      expect(bundle.nodeBuiltins).toEqual([]);
      expect(bundle.code).not.toMatch(/\bfrom\s*["'](node:)?(buffer|crypto|fs|os|path|http|https|stream|url|util)["']/);
    });

    it.each(['core', 'fetch', 'ky'])('of @sigv4/%s alone imports no Node built-in', async (name) => {
      const bundle = await bundleForWorkerd({ contents: `export * from '@sigv4/${name}';` });
      expect(bundle.nodeBuiltins).toEqual([]);
    });

    it.each(['workerd', 'worker', 'browser', 'react-native'])(
      'resolves @sigv4/core to its build without Node built-ins under the `%s` condition alone',
      async (condition) => {
        const bundle = await bundleForWorkerd({ contents: `export * from '@sigv4/core';`, conditions: [condition] });
        expect(bundle.inputs).toContain('packages/core/dist/browser/index.js');
        expect(bundle.nodeBuiltins).toEqual([]);
      },
    );

    it("takes @sigv4/core's build without Node built-ins (WebCrypto, no default credential chain)", async () => {
      const bundle = await bundleForWorkerd({ contents: ALL });
      const coreFiles = bundle.inputs.filter((path) => path.startsWith('packages/core/'));
      expect(coreFiles).toContain('packages/core/dist/browser/index.js');
      expect(coreFiles.filter((path) => !path.startsWith('packages/core/dist/browser/'))).toEqual([]);
    });

    it("of @sigv4/axios builds once axios is aliased to its own browser build (axios's `browser` field is not read on platform neutral)", async () => {
      const plain = await bundleForWorkerd({
        contents: `export * from '@sigv4/axios'; export { default } from 'axios';`,
      });
      // Without it esbuild takes axios's Node build (and its Node-only dependencies); none from @sigv4.
      expect(plain.nodeBuiltins.length).toBeGreaterThan(0);
      expect(plain.nodeBuiltins.filter((b) => !relative(REPO_ROOT, b.importer).startsWith('node_modules/'))).toEqual(
        [],
      );
      const aliased = await bundleForWorkerd({
        contents: `export * from '@sigv4/axios'; export { default } from 'axios';`,
        alias: { axios: 'axios/dist/browser/axios.cjs' },
      });
      expect(aliased.nodeBuiltins).toEqual([]);
    });
  });
}
