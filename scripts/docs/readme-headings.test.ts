/**
 * The adapter READMEs follow one template: their `##` headings are those CONTRIBUTING.md lists, in its order.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from './extract-snippets.mjs';
import {
  ADAPTER_READMES,
  anchorOf,
  brokenAnchors,
  compareHeadings,
  headingsOf,
  readTemplate,
} from './readme-template.mjs';

const template = readTemplate();

describe('the adapter README template', () => {
  it('is read from CONTRIBUTING.md, starting with Install and ending with Bundle size', () => {
    expect(template.length).toBeGreaterThan(10);
    expect(template[0]).toBe('## Install');
    expect(template.at(-1)).toBe('## Bundle size');
    expect(new Set(template).size).toBe(template.length);
  });

  for (const readme of ADAPTER_READMES) {
    it(`is followed by ${readme}: the same ## headings, in the same order`, () => {
      const problems = compareHeadings(readme, headingsOf(readFileSync(`${ROOT}${readme}`, 'utf8')), template);
      expect(problems, `${readme} does not follow the template of CONTRIBUTING.md:\n${problems.join('\n')}`).toEqual(
        [],
      );
    });

    it(`has no link in ${readme} to a heading that is not there`, () => {
      expect(brokenAnchors(readme)).toEqual([]);
    });
  }
});

describe('the README heading check', () => {
  const TEMPLATE = ['## Install', '## Usage', '## Options', '## Errors'];

  it('accepts the template headings in order', () => {
    expect(compareHeadings('x/README.md', [...TEMPLATE], TEMPLATE)).toEqual([]);
  });

  it('names the README and a missing heading', () => {
    expect(compareHeadings('x/README.md', ['## Install', '## Usage', '## Errors'], TEMPLATE)).toEqual([
      'x/README.md: missing `## Options`',
    ]);
  });

  it('names the README and an extra heading', () => {
    expect(compareHeadings('x/README.md', [...TEMPLATE.slice(0, 3), '## API', '## Errors'], TEMPLATE)).toEqual([
      'x/README.md: extra `## API` (not in CONTRIBUTING.md)',
    ]);
  });

  it('names a heading out of order and where the template has it', () => {
    expect(compareHeadings('x/README.md', ['## Install', '## Options', '## Usage', '## Errors'], TEMPLATE)).toEqual([
      'x/README.md: `## Options` is out of order: the template has `## Usage` there, after `## Install`',
    ]);
  });

  it('names a heading that appears twice', () => {
    expect(compareHeadings('x/README.md', [...TEMPLATE, '## Usage'], TEMPLATE)).toEqual([
      'x/README.md: `## Usage` appears twice',
    ]);
  });

  it('reads ## headings only, and none inside a fenced code block', () => {
    const markdown = ['# Title', '## Install', '### Sub', '```md', '## Not a heading', '```', '## Usage  '].join('\n');
    expect(headingsOf(markdown)).toEqual(['## Install', '## Usage']);
  });

  it('gives a heading the anchor GitHub gives it', () => {
    expect(anchorOf('## Signed links (`signQuery`)')).toBe('signed-links-signquery');
    expect(anchorOf('### `createSignedFetch(options, dependencies?)`')).toBe('createsignedfetchoptions-dependencies');
    expect(anchorOf('## Debugging a 403')).toBe('debugging-a-403');
  });
});
