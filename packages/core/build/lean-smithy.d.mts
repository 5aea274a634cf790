import type { Plugin } from 'esbuild';

/** Fails when `source` still calls one of the named methods (`this.name(…)`), which the browser build drops. */
export declare function assertNotCalled(source: string, path: string, names: readonly string[]): void;
/** `source` without the named methods of its class; fails when one is missing or what is left still calls one. */
export declare function withoutMethods(
  source: string,
  path: string,
  className: string,
  names: readonly string[],
): string;
/** esbuild plugin of core's browser build: smithy's barrels trimmed, SignatureV4Base's uncalled methods dropped. */
export declare function leanSmithy(): Plugin;
