// esbuild plugin for core's browser build (packages/core/tsup.config.ts): gives a lazily loaded module its
// own copy of a module the entry also exports. Shared, the module's code would sit in a chunk the entry
// imports, which an app's bundler loads up front even when the app only reaches it through the lazy module.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const NAMESPACE = 'sigv4-own-copy';

/**
 * @param {Record<string, string>} copies - importer file name -> the module path (as imported) it gets its own copy of
 * @returns {import('esbuild').Plugin}
 */
export function ownCopy(copies) {
  return {
    name: 'sigv4-own-copy',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        const importer = args.importer.split(/[\\/]/).pop();
        if (args.namespace !== 'file' || importer === undefined || copies[importer] !== args.path) return undefined;
        return { path: join(args.resolveDir, args.path.replace(/\.js$/, '.ts')), namespace: NAMESPACE };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: readFileSync(args.path, 'utf8'),
        loader: 'ts',
        resolveDir: dirname(args.path),
      }));
    },
  };
}
