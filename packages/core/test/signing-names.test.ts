/**
 * The inference table is generated from AWS's service data as botocore ships it: this checks that
 * src/infer/signing-names.ts is what scripts/generate-signing-names.mjs writes from the botocore
 * versions it names. Skips, saying why, where those versions are not installed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findBotocore, generateSigningNames, OUTPUT } from '../../../scripts/generate-signing-names.mjs';

const committed = readFileSync(OUTPUT, 'utf8');
const recorded = /from botocore ([\d., ]+)\n/.exec(committed)?.[1]?.split(', ') ?? [];
const installed = findBotocore();
const sameVersions =
  recorded.length > 0 && recorded.every((version) => installed.some((source) => source.version === version));
const reason = `src/infer/signing-names.ts was generated from botocore ${recorded.join(', ')}; installed: ${
  installed.map((source) => source.version).join(', ') || 'none'
}. Install those (python3-botocore, pip install botocore==…) to check it, or regenerate: node scripts/generate-signing-names.mjs`;

describe('generated signing names', () => {
  it('names the botocore versions it was generated from', () => {
    expect(recorded.length).toBeGreaterThan(0);
  });

  it.runIf(sameVersions)('is up to date with the installed botocore data', () => {
    const sources = installed.filter((source) => recorded.includes(source.version));
    expect(generateSigningNames(sources)).toBe(committed);
  });

  it.skipIf(sameVersions)(`skips the up-to-date check: ${reason}`, () => {
    console.warn(reason);
  });
});
