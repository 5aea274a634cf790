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

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
export function anchorOf(heading) {
  return heading
    .replace(/^#+\s*/, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every heading anchor of a Markdown text, outside fenced code blocks. */
function anchorsIn(markdown) {
  const anchors = new Set();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^```/.test(line)) fenced = !fenced;
    else if (!fenced && /^#{1,6} /.test(line)) anchors.add(anchorOf(line));
  }
  return anchors;
}

/**
 * Links to a heading (`#redirects`, `../core/README.md#errors`) in one README that name no heading of their target.
 * @returns one sentence per broken link, naming the README
 */
export function brokenAnchors(readme) {
  const text = readFileSync(`${ROOT}${readme}`, 'utf8');
  const folder = readme.slice(0, readme.lastIndexOf('/') + 1);
  const broken = [];
  for (const [, target, anchor] of text.matchAll(/\]\(((?:\.{1,2}\/)*[\w./-]*?\.md)?#([\w-]+)\)/g)) {
    const file = target ? new URL(target, `file:///${folder}`).pathname.slice(1) : readme;
    if (!anchorsIn(readFileSync(`${ROOT}${file}`, 'utf8')).has(anchor)) {
      broken.push(`${readme}: the link to ${target ?? ''}#${anchor} names no heading of ${file}`);
    }
  }
  return broken;
}
