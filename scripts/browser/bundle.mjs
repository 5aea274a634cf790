// Browser bundles of the @sigv4 packages, built as an app's bundler would build them.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const BUILTIN_NAMES = new Set(builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.split('/')[0]));

/** True for `node:*` specifiers and Node built-in module names (`crypto`, `fs/promises`, `buffer`, ...). */
export function isNodeBuiltin(specifier) {
  if (specifier.startsWith('node:')) return true;
  return BUILTIN_NAMES.has(specifier.split('/')[0]) || builtinModules.includes(specifier);
}

/**
 * Keeps Node built-ins in the graph as *external* imports instead of failing the build (or being
 * silently polyfilled), so findNodeBuiltinImports() can name each one and the file importing it.
 */
const recordNodeBuiltins = {
  name: 'record-node-builtins',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point' || !isNodeBuiltin(args.path)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function sourceFor(distFile, packageDir) {
  const rel = relative(join(packageDir, 'dist'), distFile).replace(/\.(m|c)?js$/, '');
  if (rel.startsWith('..')) return undefined;
  // `dist/browser/index.js` is built from `src/index.ts` (core's tsup browser build).
  const rels = rel.startsWith('browser/') ? [rel, rel.slice('browser/'.length)] : [rel];
  for (const r of rels) {
    for (const candidate of [`${r}.ts`, `${r}.tsx`, `${r}/index.ts`]) {
      const path = join(packageDir, 'src', candidate);
      if (existsSync(path)) return path;
    }
  }
  return undefined;
}

/**
 * Source mode only: core's own browser-build plugin (packages/core/build/lean-smithy.mjs: smithy's
 * barrels reduced to the modules signing reaches), so source bundles weigh what the built dist
 * weighs. A no-op on dist, which imports no smithy barrel any more.
 */
const LEAN_SMITHY = join(REPO_ROOT, 'packages/core/build/lean-smithy.mjs');
const coreBuildPlugins = existsSync(LEAN_SMITHY) ? [(await import(pathToFileURL(LEAN_SMITHY).href)).leanSmithy()] : [];
/** Source mode only, as in core's browser build: the adapters' lazy kit gets its own copy of readClockSkew. */
const OWN_COPY = join(REPO_ROOT, 'packages/core/build/own-copy.mjs');
if (existsSync(OWN_COPY)) {
  const { ownCopy } = await import(pathToFileURL(OWN_COPY).href);
  coreBuildPlugins.push(ownCopy({ 'adapter-kit.ts': '../signer/read-clock-skew.js' }));
}

/**
 * Source mode only: mirrors the module swap of core's tsup browser build
 * (`src/platform/node.ts` -> `src/platform/browser.ts`, see packages/core/tsup.config.ts).
 * The built `dist` already has it.
 */
const browserPlatformSwap = {
  name: 'sigv4-browser-platform',
  setup(b) {
    b.onResolve({ filter: /\/platform\/node(\.js)?$/ }, (args) => {
      if (!/[\\/]packages[\\/][^\\/]+[\\/]src[\\/]/.test(args.importer)) return undefined;
      const browser = join(args.resolveDir, args.path.replace(/node(\.js)?$/, 'browser.ts'));
      return existsSync(browser) ? { path: browser } : undefined;
    });
  },
};

/**
 * Resolves `@sigv4/*` through the package's real `exports` map (browser condition), then, in `src`
 * mode (`auto`: when dist is stale or missing; `prefer-dist`: only when dist is missing), swaps
 * `dist/<file>.js` for `src/<file>.ts`.
 */
function workspacePackages(mode, used) {
  return {
    name: 'sigv4-workspace',
    setup(b) {
      b.onResolve({ filter: /^@sigv4\// }, async (args) => {
        if (args.pluginData === 'sigv4-inner') return undefined;
        const resolved = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: 'sigv4-inner',
        });
        if (resolved.errors.length > 0 || resolved.external) return resolved;
        const packageDir = join(REPO_ROOT, 'packages', args.path.split('/')[1]);
        const source = sourceFor(resolved.path, packageDir);
        const built = existsSync(resolved.path);
        const stale = built && newestMtime(join(packageDir, 'src')) > statSync(resolved.path).mtimeMs;
        let useSource = mode === 'src';
        if (mode === 'auto') useSource = source !== undefined && (!built || stale);
        if (mode === 'prefer-dist') useSource = source !== undefined && !built;
        if (!useSource && stale) used.stale.push(args.path);
        if (useSource && !source) {
          return { errors: [{ text: `${args.path}: no source file matches ${relative(REPO_ROOT, resolved.path)}` }] };
        }
        const path = useSource ? source : resolved.path;
        used.files[args.path] = relative(REPO_ROOT, path);
        return { path };
      });
    },
  };
}

const VIRTUAL_ENTRY = 'sigv4-virtual-entry';

/** Serves `contents` as the entry module, so every option (code splitting too) works alike. */
function virtualEntry(contents, resolveDir) {
  return {
    name: 'sigv4-virtual-entry',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${VIRTUAL_ENTRY}$`) }, () => ({ path: 'entry.ts', namespace: VIRTUAL_ENTRY }));
      b.onLoad({ filter: /.*/, namespace: VIRTUAL_ENTRY }, () => ({ contents, resolveDir, loader: 'ts' }));
    },
  };
}

/**
 * Bundles for a browser exactly as an app's bundler would: platform `browser`, the `browser`
 * export condition, ESM, tree-shaken, code-split (a dynamic `import()` becomes a chunk of its own
 * that loads only when that code runs). Node built-ins are recorded, never polyfilled.
 * `code` is the entry chunk; `chunks` lists every output, `initial` when the entry loads it
 * statically (what a page downloads up front).
 */
export async function bundleBrowser(options) {
  const workspace = { files: {}, stale: [] };
  const from = options.from ?? process.env.SIGV4_BROWSER_FROM ?? 'auto';
  const plugins = [recordNodeBuiltins, browserPlatformSwap, ...coreBuildPlugins, workspacePackages(from, workspace)];
  if (options.entry === undefined)
    plugins.unshift(virtualEntry(options.contents ?? '', options.resolveDir ?? REPO_ROOT));
  const splitting = options.splitting ?? true;
  const result = await build({
    entryPoints: [options.entry ?? VIRTUAL_ENTRY],
    absWorkingDir: REPO_ROOT,
    // an app's bundler never sees the monorepo's `paths` (they point @sigv4/* at src, for tsc)
    tsconfigRaw: {},
    outdir: join(REPO_ROOT, '.browser-bundle'), // never written: write is false
    entryNames: 'entry',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting,
    write: false,
    metafile: true,
    sourcemap: options.sourcemap ? 'external' : false,
    platform: 'browser',
    conditions: ['browser'],
    format: 'esm',
    target: 'es2022',
    minify: options.minify ?? true,
    legalComments: 'none',
    external: options.external ?? [],
    logLevel: 'silent',
    plugins,
  });
  const text = new Map(result.outputFiles.map((f) => [relative(REPO_ROOT, f.path), f.text]));
  const outputs = result.metafile.outputs;
  // Chunks behind `import()` are entry points too: the entry chunk is the one named `entry` (entryNames).
  const entryPath = Object.keys(outputs).find((p) => p.endsWith('/entry.js'));
  if (!entryPath) throw new Error('esbuild produced no entry chunk');
  const initial = new Set([entryPath]);
  for (const path of initial) {
    for (const imp of outputs[path].imports)
      if (imp.kind === 'import-statement' && outputs[imp.path]) initial.add(imp.path);
  }
  const chunks = Object.keys(outputs)
    .filter((p) => p.endsWith('.js'))
    .map((p) => ({
      path: p,
      name: p.split('/').pop(),
      code: text.get(p) ?? '',
      initial: initial.has(p),
      ...(options.sourcemap ? { map: JSON.parse(text.get(`${p}.map`) ?? 'null') } : {}),
    }));
  return {
    code: text.get(entryPath) ?? '',
    chunks,
    metafile: result.metafile,
    workspaceFiles: workspace.files,
    staleDist: [...new Set(workspace.stale)],
  };
}

/** Every Node built-in import (static, dynamic or require) in a metafile's input graph. */
export function findNodeBuiltinImports(metafile) {
  const found = [];
  for (const [importer, input] of Object.entries(metafile.inputs)) {
    for (const imp of input.imports) {
      if (isNodeBuiltin(imp.path)) found.push({ importer, specifier: imp.path });
    }
  }
  return found;
}

/**
 * Measures a bundle deterministically: esbuild's minified output, gzip level 9 via node:zlib, per
 * chunk. `minified`/`gzip` count the chunks a page loads up front; `lazy` the ones behind `import()`.
 */
export function measureBundle(bundle) {
  const gz = (code) => gzipSync(Buffer.from(code), { level: 9 }).length;
  const sum = (chunks, f) => chunks.reduce((n, c) => n + f(c), 0);
  const initial = bundle.chunks.filter((c) => c.initial);
  const lazyChunks = bundle.chunks.filter((c) => !c.initial);
  const totals = new Map();
  for (const c of initial) {
    for (const [path, v] of Object.entries(bundle.metafile.outputs[c.path]?.inputs ?? {})) {
      totals.set(path, (totals.get(path) ?? 0) + v.bytesInOutput);
    }
  }
  const inputs = [...totals]
    .map(([path, bytes]) => ({ path, bytes }))
    .filter((i) => i.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  const lazyInputs = [
    ...new Set(lazyChunks.flatMap((c) => Object.keys(bundle.metafile.outputs[c.path]?.inputs ?? {}))),
  ];
  return {
    minified: sum(initial, (c) => Buffer.byteLength(c.code)),
    gzip: sum(initial, (c) => gz(c.code)),
    inputs,
    lazy: {
      minified: sum(lazyChunks, (c) => Buffer.byteLength(c.code)),
      gzip: sum(lazyChunks, (c) => gz(c.code)),
      inputs: lazyInputs,
    },
  };
}
