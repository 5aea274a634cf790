/** Path of the generated module: packages/core/src/infer/signing-names.ts. */
export declare const OUTPUT: string;

/** One installed botocore: its version and its `data` directory. */
export interface BotocoreSource {
  version: string;
  dir: string;
}

/** botocore as the given Python interpreters import it (default: `python3` and `/usr/bin/python3`). */
export declare function findBotocore(pythons?: string[]): BotocoreSource[];

/** The generated module's text, from one or more botocore data dirs (newer wins where they disagree). */
export declare function generateSigningNames(sources: BotocoreSource[]): string;
