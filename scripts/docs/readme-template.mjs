/**
 * The adapter README template: the `##` headings CONTRIBUTING.md lists, in order, and the check that
 * compares a README's own `##` headings with them.
 */
import { readFileSync } from 'node:fs';
import { ROOT } from './extract-snippets.mjs';

/** The READMEs that follow the template, relative to the repository root. */
export const ADAPTER_READMES = ['packages/axios/README.md', 'packages/ky/README.md', 'packages/fetch/README.md'];

/** Where the template is written, relative to the repository root. */
export const TEMPLATE_FILE = 'CONTRIBUTING.md';

// A template entry is a numbered item whose code span is the heading: 1. `## Install`: ...
const TEMPLATE_ITEM = /^\d+\.\s+(`+)\s?(## .*?)\s?\1:/;

/** The `##` headings of the template in CONTRIBUTING.md, in order. */
export function readTemplate() {
  return readFileSync(`${ROOT}${TEMPLATE_FILE}`, 'utf8')
    .split('\n')
    .map((line) => TEMPLATE_ITEM.exec(line)?.[2])
    .filter((heading) => heading !== undefined);
}

/** The `##` headings of a Markdown text, in order, outside fenced code blocks. */
export function headingsOf(markdown) {
  const headings = [];
  let fence = null;
  for (const line of markdown.split('\n')) {
    const marker = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === null ? marker : null;
    } else if (fence === null && /^## /.test(line)) {
      headings.push(line.trimEnd());
    }
  }
  return headings;
}

/**
 * What differs between a README's `##` headings and the template, one sentence per problem naming the README.
 * @returns an empty array when the headings are the template's, in its order
 */
export function compareHeadings(readme, actual, template) {
  const problems = [];
  for (const heading of template) {
    if (!actual.includes(heading)) problems.push(`${readme}: missing \`${heading}\``);
  }
  for (const [i, heading] of actual.entries()) {
    if (!template.includes(heading)) problems.push(`${readme}: extra \`${heading}\` (not in ${TEMPLATE_FILE})`);
    else if (actual.indexOf(heading) !== i) problems.push(`${readme}: \`${heading}\` appears twice`);
  }
  // Order is judged on the headings both have, each at its first place, so one misplaced heading is one problem.
  const shared = actual.filter((heading, i) => template.includes(heading) && actual.indexOf(heading) === i);
  const expected = template.filter((heading) => shared.includes(heading));
  const at = shared.findIndex((heading, i) => heading !== expected[i]);
  if (at !== -1) {
    const after = at > 0 ? `, after \`${expected[at - 1]}\`` : '';
    problems.push(`${readme}: \`${shared[at]}\` is out of order: the template has \`${expected[at]}\` there${after}`);
  }
  return problems;
}

/** The problems of every adapter README (an empty array when all follow the template). */
export function checkAdapterReadmes(template = readTemplate()) {
  return ADAPTER_READMES.flatMap((readme) =>
    compareHeadings(readme, headingsOf(readFileSync(`${ROOT}${readme}`, 'utf8')), template),
  );
}
