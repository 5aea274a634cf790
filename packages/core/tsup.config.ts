import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';
import { leanSmithy } from './build/lean-smithy.mjs';
import { ownCopy } from './build/own-copy.mjs';

/**
 * The browser build swaps `src/platform/node.ts` (node:crypto, the SDK's Node credential chain)
 * for `src/platform/browser.ts` (WebCrypto, no default chain), so it holds no Node built-in.
 */
const browserPlatform: Plugin = {
  name: 'sigv4-browser-platform',
  setup(build) {
    const browser = fileURLToPath(new URL('./src/platform/browser.ts', import.meta.url));
    build.onResolve({ filter: /\/platform\/node(\.js)?$/ }, () => ({ path: browser }));
  },
};

/** The members of `KIT` (src/signer/kit.ts); a member left out here keeps its long name, which is harmless. */
const KIT_MEMBERS = new RegExp(
  `^(?:${[
    'SigV4Error',
    'isSigV4Error',
    'MESSAGE_ARGS',
    'fail',
    'readRequest',
    'computeSignature',
    'formatDate',
    'createScope',
    'getCanonicalHeaders',
    'sha256Hex',
    'hmacSha256Hex',
    'escapeUri',
    'canonicalQueryComponent',
    'ALGORITHM',
    'CONTENT_SHA256_HEADER',
    'DECLARED_PAYLOAD',
    'EMPTY_SHA256',
    'UNSIGNED_PAYLOAD',
    'DEFAULT_PRESIGN_EXPIRES_IN',
    'MAX_PRESIGN_EXPIRES_IN',
  ].join('|')})$`,
);

/**
 * Property names of core's internal objects (service rules and targets, the signer context, prepared bodies
 * and requests, canonical headers, signature parts, the smithy signer, the credentials resolver's options):
 * written and read only by code of this one build, never by callers, adapters or a dependency.
 */
const INTERNAL_PROPS = [
  'payloadHashHeader',
  'unsignedPresign',
  'smithyFor',
  'payload',
  'unsigned',
  'contentType',
  'wireQuery',
  'lines',
  'names',
  'added',
  'shortDate',
  'longDate',
  'createCanonicalRequest',
  'getSigningKey',
  'timeoutMs',
];

export default defineConfig([
  {
    // Node: ESM + CJS + types.
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: false, // the build script empties dist/ once, before both builds
    sourcemap: false,
    target: 'node20',
    platform: 'node',
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
    // smithy's signing modules are bundled in, through leanSmithy(): the whole `@smithy/core/serde`
    // barrel would add code signing never runs (see build/lean-smithy.mjs). The pure-JS SHA-256
    // fallback is bundled too (a lazy chunk), resolved here with the `browser` fields its
    // dependencies need, so bundlers that ignore those fields (platform neutral, workerd) find no
    // `import "buffer"` in what we ship.
    noExternal: [/^@smithy\//, /^@aws-crypto\//, 'tslib'],
    splitting: true,
    // The members of KIT (signer/kit.ts) are read by name by every lazy chunk of this one build only, and
    // INTERNAL_PROPS never leave it: short names make what pages load up front smaller. None is public.
    esbuildOptions(options) {
      options.mangleProps = new RegExp(`${KIT_MEMBERS.source}|^(?:${INTERNAL_PROPS.join('|')})$`);
    },
    esbuildPlugins: [browserPlatform, leanSmithy(), ownCopy({ 'adapter-kit.ts': '../signer/read-clock-skew.js' })],
  },
]);
