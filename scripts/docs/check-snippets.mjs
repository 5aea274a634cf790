#!/usr/bin/env node
/**
 * Type-checks the README snippets written by extract-snippets.mjs under strict TypeScript, against
 * the built packages (as a user's project resolves them), once per module resolution users have:
 * `node16` and `bundler`. Prints `README.md:line:column - error TSxxxx: …` per problem; exits 1 on any.
 * Run as a script, it also checks the adapter READMEs' sections and heading links (readme-template.mjs).
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ROOT, writeSnippets } from './extract-snippets.mjs';
import { ADAPTER_READMES, brokenAnchors, checkAdapterReadmes } from './readme-template.mjs';

const PRELUDE = fileURLToPath(new URL('./prelude.d.ts', import.meta.url));

/** What a user's strict project compiles with, for each module resolution. */
export const COMPILER_OPTIONS = {
  node16: { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 },
  bundler: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
};

/**
 * @param snippets - what writeSnippets() returned
 * @param resolution - `node16` or `bundler`
 * @returns one `README.md:line:column - error TSxxxx: message` line per diagnostic
 */
export function checkSnippets(snippets, resolution) {
  const options = {
    ...COMPILER_OPTIONS[resolution],
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: ['node'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    noUnusedLocals: false,
  };
  const program = ts.createProgram([PRELUDE, ...snippets.map((s) => s.file)], options);
  const byFile = new Map(snippets.map((s) => [s.file, s]));
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ');
    if (!diagnostic.file || diagnostic.start === undefined)
      return `(${resolution}) error TS${diagnostic.code}: ${message}`;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const snippet = byFile.get(diagnostic.file.fileName);
    const where = snippet
      ? line + 1 >= snippet.firstCodeLine
        ? `${snippet.readme}:${snippet.line + line + 1 - snippet.firstCodeLine}:${character + 1}`
        : `${snippet.readme}:${snippet.line - 1} (snippet-prelude)`
      : `${diagnostic.file.fileName.replace(ROOT, '')}:${line + 1}:${character + 1}`;
    return `${where} - error TS${diagnostic.code} (${resolution}): ${message}`;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const snippets = writeSnippets();
  let failed = 0;
  for (const resolution of Object.keys(COMPILER_OPTIONS)) {
    const errors = checkSnippets(snippets, resolution);
    failed += errors.length;
    console.log(
      errors.length === 0
        ? `${snippets.length} snippets type-check (moduleResolution ${resolution})`
        : errors.join('\n'),
    );
  }
  const layout = [...checkAdapterReadmes(), ...ADAPTER_READMES.flatMap(brokenAnchors)];
  failed += layout.length;
  console.log(layout.length === 0 ? 'the adapter READMEs follow the template of CONTRIBUTING.md' : layout.join('\n'));
  process.exit(failed === 0 ? 0 : 1);
}
