#!/usr/bin/env node
/**
 * Extracts every ```ts block of the root README and packages/<name>/README.md into
 * .docs-snippets/ (gitignored), one ES module per block, so CI can type-check and run them.
 *
 * Hidden conventions, written as HTML comments on the lines just above a block (readers never see them):
 * - `<!-- snippet-prelude: <TypeScript> -->` is prepended to the block, for names an earlier block
 *   defined (`const api = …`). Names every README uses (API_URL, API_KEY, …) are declared once in
 *   scripts/docs/prelude.d.ts instead.
 * - `<!-- snippet: run -->` marks a block the doc tests run against a started @sigv4/gateway.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SNIPPETS_DIR = `${ROOT}.docs-snippets/`;
const FENCE = /^```(ts|typescript)\s*$/;
const PRELUDE = /^<!--\s*snippet-prelude:\s*([\s\S]*?)\s*-->\s*$/;
const RUN = /^<!--\s*snippet:\s*run\s*-->\s*$/;

/** The READMEs whose snippets are checked, relative to the repository root. */
export function listReadmes() {
  const packages = readdirSync(`${ROOT}packages`, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `packages/${entry.name}/README.md`)
    .filter((path) => {
      try {
        readFileSync(`${ROOT}${path}`);
        return true;
      } catch {
        return false;
      }
    });
  return ['README.md', ...packages.sort()];
}

/**
 * The ```ts blocks of one README.
 * @returns `{ readme, line, code, prelude, run }` per block; `line` is the README line of its first code line
 */
export function extractFrom(readme) {
  const lines = readFileSync(`${ROOT}${readme}`, 'utf8').split('\n');
  const snippets = [];
  for (let i = 0; i < lines.length; i++) {
    if (!FENCE.test(lines[i])) continue;
    const prelude = [];
    let run = false;
    for (let j = i - 1; j >= 0 && lines[j].startsWith('<!--'); j--) {
      const preludeMatch = PRELUDE.exec(lines[j]);
      if (preludeMatch) prelude.unshift(preludeMatch[1]);
      if (RUN.test(lines[j])) run = true;
    }
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    snippets.push({ readme, line: start + 1, code: lines.slice(start, end).join('\n'), prelude, run });
    i = end;
  }
  return snippets;
}

/**
 * Writes every snippet to .docs-snippets/ as `<readme-path>-L<line>.ts`: a header comment, the
 * prelude lines, the block, and `export {}` so each is a module (top-level await, no shared names).
 * @returns the snippets, each with `file` and `firstCodeLine` (its first code line in that file)
 */
export function writeSnippets() {
  rmSync(SNIPPETS_DIR, { recursive: true, force: true });
  mkdirSync(SNIPPETS_DIR, { recursive: true });
  const written = [];
  for (const readme of listReadmes()) {
    for (const snippet of extractFrom(readme)) {
      const name = `${readme.replace(/\.md$/, '').replaceAll('/', '-')}-L${snippet.line}`;
      const header = [`// ${readme}:${snippet.line}`, ...snippet.prelude];
      const file = `${SNIPPETS_DIR}${name}.ts`;
      writeFileSync(file, `${[...header, snippet.code, 'export {};'].join('\n')}\n`);
      written.push({ ...snippet, name, file, firstCodeLine: header.length + 1 });
    }
  }
  writeFileSync(`${SNIPPETS_DIR}manifest.json`, `${JSON.stringify(written, null, 2)}\n`);
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const written = writeSnippets();
  console.log(
    `${written.length} snippets written to ${SNIPPETS_DIR} (${written.filter((s) => s.run).length} runnable)`,
  );
}
