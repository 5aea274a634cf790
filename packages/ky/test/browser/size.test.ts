import { describe, expect, it } from 'vitest';
import { ADAPTER_OVER_CORE_BUDGET, describeSize, measureTarget } from '../../../../scripts/browser/size.mjs';

// Bundle budget of issue 8, measured deterministically: esbuild browser build (`browser` export
// condition, every export of both packages; ky itself external), minified, gzip level 9.
// Table: node scripts/browser/size.mjs
describe('browser bundle size of @sigv4/ky', () => {
  const measured = Promise.all([measureTarget('core'), measureTarget('ky')]);

  it('adds at most 1 KB minified and gzipped over @sigv4/core', async () => {
    const [core, withAdapter] = await measured;
    expect(withAdapter.size.gzip - core.size.gzip, describeSize(withAdapter)).toBeLessThanOrEqual(
      ADAPTER_OVER_CORE_BUDGET,
    );
  });
});
