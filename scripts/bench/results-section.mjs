// Writes one section of a package's bench/RESULTS.md (replacing the section of an earlier run), so that the
// root benches (adapter CPU, peers) land next to what the package's own bench wrote.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Replaces (or appends) `## title` and its text in packages/<pkg>/bench/RESULTS.md. */
export function writeResultsSection(pkg, title, markdown) {
  const file = new URL(`../../packages/${pkg}/bench/RESULTS.md`, import.meta.url);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : `# @sigv4/${pkg} bench\n`;
  const heading = `## ${title}`;
  const start = text.indexOf(heading);
  const next = start === -1 ? -1 : text.indexOf('\n## ', start + heading.length);
  const before = start === -1 ? text.trimEnd() : text.slice(0, start).trimEnd();
  const after = next === -1 ? '' : text.slice(next).trimEnd();
  writeFileSync(file, `${before}\n\n${heading}\n\n${markdown.trim()}\n${after ? `\n${after.trim()}\n` : ''}`);
}
