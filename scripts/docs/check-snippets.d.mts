import type { WrittenSnippet } from './extract-snippets.mjs';

export declare const COMPILER_OPTIONS: Record<'node16' | 'bundler', object>;
/** One `README.md:line:column - error TSxxxx (resolution): message` line per diagnostic. */
export declare function checkSnippets(snippets: WrittenSnippet[], resolution: 'node16' | 'bundler'): string[];
