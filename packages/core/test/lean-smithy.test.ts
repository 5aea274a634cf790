import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { assertNotCalled, leanSmithy, withoutMethods } from '../build/lean-smithy.mjs';

const SOURCE = `export class Base {
  kept() { return 1; }
  dropped() { return 2; }
}
`;

const bundle = (contents: string) =>
  build({
    stdin: { contents, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    plugins: [leanSmithy()],
  });

describe("core's browser build plugin lean-smithy", () => {
  it('drops the named methods of a class and keeps the others', () => {
    const out = withoutMethods(SOURCE, 'base.js', 'Base', ['dropped']);
    expect(out).toContain('kept()');
    expect(out).not.toContain('dropped');
  });

  it('fails when a method to drop is missing', () => {
    expect(() => withoutMethods(SOURCE, 'base.js', 'Base', ['gone'])).toThrow(/has no Base method among gone/);
  });

  it('fails when what is left still calls a dropped method', () => {
    const calling = SOURCE.replace('return 1;', 'return this.dropped();');
    expect(() => withoutMethods(calling, 'base.js', 'Base', ['dropped'])).toThrow(/base\.js still calls dropped/);
    expect(() => assertNotCalled('this.getCanonicalHeaderList(headers)', 'x.js', ['getCanonicalHeaderList'])).toThrow(
      /still calls getCanonicalHeaderList/,
    );
  });

  it("builds smithy's SignatureV4Base without the dropped methods", async () => {
    const result = await bundle("export { SignatureV4Base } from '@smithy/signature-v4';");
    const text = result.outputFiles?.[0]?.text ?? '';
    expect(text).toContain('getCanonicalPath');
    expect(text).not.toContain('getCanonicalHeaderList');
  });

  it('fails the build when other bundled smithy code calls a dropped method (the full SignatureV4)', async () => {
    await expect(bundle("export { SignatureV4 } from '@smithy/signature-v4';")).rejects.toThrow(
      /SignatureV4\.js still calls .*createCanonicalRequest/,
    );
  });
});
