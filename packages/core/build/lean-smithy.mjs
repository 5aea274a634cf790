// esbuild plugin for core's browser build (packages/core/tsup.config.ts): bundles the smithy pieces the
// signer uses, resolving smithy's `@smithy/core/{serde,protocols,transport,client}` barrels to just the
// modules the signer reaches. The serde barrel has top-level statements a bundler must keep
// (`class Uint8ArrayBlobAdapter extends bind…(…)`, `v4 = bindV4(…)`): imported whole, they add
// base64, utf-8, uuid and blob code (~1.2 KB gzip) that signing never runs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

const require = createRequire(import.meta.url);

/** The smithy barrels the signer's smithy modules import, and the only names they take from each. */
const BARRELS = {
  serde: {
    'serde/util-hex-encoding/hex-encoding.js': ['toHex', 'fromHex'],
    'serde/util-utf8/fromUtf8.browser.js': ['fromUtf8'],
    'serde/util-utf8/toUint8Array.browser.js': ['toUint8Array'],
    'serde/util-utf8/toUtf8.browser.js': ['toUtf8'],
    'serde/is-array-buffer/is-array-buffer.js': ['isArrayBuffer'],
    'serde/writeKey.js': ['writeKey'],
    'transport/hasOwn.js': ['hasOwn'],
  },
  protocols: {
    'transport/httpRequest.js': ['HttpRequest'],
    'protocols/util-uri-escape/escape-uri.js': ['escapeUri'],
  },
  transport: {
    'transport/hasOwn.js': ['hasOwn'],
    'transport/httpRequest.js': ['HttpRequest'],
    'transport/normalizeProvider.js': ['normalizeProvider'],
  },
  client: {
    'transport/normalizeProvider.js': ['normalizeProvider'],
  },
};

/**
 * The methods of smithy's `SignatureV4Base` the signer never calls (it lays out the canonical request and the
 * string to sign itself, and checks credentials itself): a bundler keeps every method of a class it keeps, so the
 * build drops these.
 */
const UNCALLED_METHODS = [
  'createCanonicalRequest',
  'createStringToSign',
  'validateResolvedCredentials',
  'getCanonicalHeaderList',
];

/**
 * Fails when `source` still calls one of the dropped methods (`this.getCanonicalHeaderList(…)`), so a smithy
 * release that starts calling one is noticed at build time, not as a TypeError in browsers.
 */
export function assertNotCalled(source, path, names) {
  const called = names.filter((name) => new RegExp(`\\.${name}\\b`).test(source));
  if (called.length > 0) {
    throw new Error(
      `lean-smithy: ${path} still calls ${called.join(', ')}, which the browser build drops: update build/lean-smithy.mjs`,
    );
  }
}

/**
 * `source` without the named methods of its class `className`; fails when one is missing, or when what is
 * left still calls one, so a smithy release that renames, moves or starts calling them is noticed at build time.
 */
export function withoutMethods(source, path, className, names) {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true);
  const found = file.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === className);
  const members = (found?.members ?? []).filter(
    (m) => ts.isMethodDeclaration(m) && names.includes(m.name.getText(file)),
  );
  if (members.length !== names.length) {
    throw new Error(
      `lean-smithy: ${path} has no ${className} method among ${names.join(', ')}: update build/lean-smithy.mjs`,
    );
  }
  let out = source;
  for (const member of members.reverse()) out = out.slice(0, member.getFullStart()) + out.slice(member.getEnd());
  assertNotCalled(out, path, names);
  return out;
}

/** @returns {import('esbuild').Plugin} */
export function leanSmithy() {
  const submodules = join(dirname(require.resolve('@smithy/core/package.json')), 'dist-es/submodules');
  return {
    name: 'sigv4-lean-smithy',
    setup(build) {
      // The rest of smithy's signer that is bundled must not call a dropped method either.
      build.initialOptions.metafile = true;
      build.onEnd((result) => {
        const cwd = build.initialOptions.absWorkingDir ?? process.cwd();
        const kept = Object.values(result.metafile?.outputs ?? {}).flatMap((output) =>
          Object.entries(output.inputs)
            .filter(([, used]) => used.bytesInOutput > 0)
            .map(([input]) => input),
        );
        for (const input of new Set(kept)) {
          if (/@smithy[\\/]signature-v4[\\/]dist-es[\\/](?!SignatureV4Base\.js$)/.test(input)) {
            assertNotCalled(readFileSync(resolve(cwd, input), 'utf8'), input, UNCALLED_METHODS);
          }
        }
      });
      build.onResolve({ filter: /^@smithy\/core\/(serde|protocols|transport|client)$/ }, (args) => ({
        path: args.path.slice('@smithy/core/'.length),
        namespace: 'sigv4-lean-smithy',
      }));
      // smithy's constants derive some names with `.toLowerCase()`, which a bundler must keep unless told it
      // has no side effects: marked pure, the constants the signer never reads drop out.
      build.onLoad({ filter: /[\\/]@smithy[\\/]signature-v4[\\/]dist-es[\\/]constants\.js$/ }, (args) => ({
        contents: readFileSync(args.path, 'utf8').replace(
          /= (\w+)\.toLowerCase\(\)/g,
          '= /* @__PURE__ */ $1.toLowerCase()',
        ),
        loader: 'js',
      }));
      build.onLoad({ filter: /[\\/]@smithy[\\/]signature-v4[\\/]dist-es[\\/]SignatureV4Base\.js$/ }, (args) => ({
        contents: withoutMethods(readFileSync(args.path, 'utf8'), args.path, 'SignatureV4Base', UNCALLED_METHODS),
        loader: 'js',
        resolveDir: dirname(args.path),
      }));
      build.onLoad({ filter: /.*/, namespace: 'sigv4-lean-smithy' }, (args) => ({
        contents: Object.entries(BARRELS[args.path])
          .map(([file, names]) => `export { ${names.join(', ')} } from ${JSON.stringify(join(submodules, file))};`)
          .join('\n'),
        resolveDir: submodules,
        loader: 'js',
      }));
    },
  };
}
