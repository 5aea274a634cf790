/** One ```ts block of a README. */
export interface Snippet {
  /** The README, relative to the repository root. */
  readme: string;
  /** README line of the block's first code line. */
  line: number;
  code: string;
  /** Hidden `<!-- snippet-prelude: … -->` lines prepended to the block. */
  prelude: string[];
  /** Marked `<!-- snippet: run -->`: the doc tests run it against a started gateway. */
  run: boolean;
}

/** A snippet written to .docs-snippets/ as a module. */
export interface WrittenSnippet extends Snippet {
  name: string;
  file: string;
  /** Line of `file` that holds the block's first code line. */
  firstCodeLine: number;
}

export declare const ROOT: string;
export declare const SNIPPETS_DIR: string;
export declare function listReadmes(): string[];
export declare function extractFrom(readme: string): Snippet[];
export declare function writeSnippets(): WrittenSnippet[];
