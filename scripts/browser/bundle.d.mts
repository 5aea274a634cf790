import type { Metafile } from 'esbuild';

/** Repository root. */
export declare const REPO_ROOT: string;

/**
 * Where `@sigv4/*` imports come from.
 * - `dist`: the built package, resolved through its real `exports` map with the `browser` condition.
 * - `src`: the same resolution, then `dist/<file>.js` is swapped for `src/<file>.ts`.
 * - `auto` (default): `dist` when it exists and is newer than every file in `src`, else `src`.
 * - `prefer-dist`: `dist` whenever it exists (sizes: a package's build may transform more than
 *   esbuild does from source, e.g. core's lean smithy barrels), `src` only when it is missing.
 * `npm test` builds first, so CI bundles the shipped `dist`.
 */
export type SourceMode = 'dist' | 'src' | 'auto' | 'prefer-dist';

/** Options for {@link bundleBrowser}: `contents` (an in-memory entry) or `entry` (a file). */
export interface BundleOptions {
  contents?: string;
  entry?: string;
  /** Directory `contents` imports resolve from. @default REPO_ROOT */
  resolveDir?: string;
  /** Bare imports kept out of the bundle (peer clients such as `axios`, `ky`). */
  external?: string[];
  /** @default true */
  minify?: boolean;
  /** @default process.env.SIGV4_BROWSER_FROM ?? 'auto' */
  from?: SourceMode;
  /** Code splitting: each dynamic `import()` target becomes a chunk of its own. @default true */
  splitting?: boolean;
  /** Each chunk's source map (version 3, parsed) as `map`. @default false */
  sourcemap?: boolean;
}

/** One output file of a bundle. */
export interface BundleChunk {
  /** Path relative to the repo root (never written to disk). */
  path: string;
  /** File name: `entry.js` or `chunk-<hash>.js`. */
  name: string;
  code: string;
  /** Loaded up front by the entry (statically imported); false behind a dynamic `import()`. */
  initial: boolean;
  /** Its source map, with `sourcemap: true`. */
  map?: { sources: string[]; mappings: string };
}

/** A browser bundle and what went into it. */
export interface BrowserBundle {
  /** The entry chunk. */
  code: string;
  chunks: BundleChunk[];
  metafile: Metafile;
  /** `@sigv4/<name>` -> the file actually bundled (dist or src), relative to the repo root. */
  workspaceFiles: Record<string, string>;
  /** `@sigv4/*` bundled from a dist older than its src (rebuild for current numbers). */
  staleDist: string[];
}

/** One Node built-in import found in a bundle's metafile. */
export interface BuiltinImport {
  importer: string;
  specifier: string;
}

/** Sizes of one bundle, in bytes. */
export interface BundleSize {
  /** Chunks loaded up front, summed. */
  minified: number;
  gzip: number;
  /** Inputs by bytes in the up-front chunks' minified output, largest first. */
  inputs: Array<{ path: string; bytes: number }>;
  /** Chunks behind dynamic `import()`: fetched only when that code runs. */
  lazy: { minified: number; gzip: number; inputs: string[] };
}

export declare function isNodeBuiltin(specifier: string): boolean;
export declare function bundleBrowser(options: BundleOptions): Promise<BrowserBundle>;
export declare function findNodeBuiltinImports(metafile: Metafile): BuiltinImport[];
export declare function measureBundle(bundle: BrowserBundle): BundleSize;
