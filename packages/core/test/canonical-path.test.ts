import { SignatureV4Base } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { canonicalPath } from '../src/signer/canonical-path.js';
import { KIT } from '../src/signer/kit.js';
import { formatSigningDate, isCanonicalPath, toCanonicalPath } from '../src/signer/smithy-signer.js';

/** smithy's own rules, the oracle: its protected methods read through a subclass. */
class Smithy extends SignatureV4Base {
  constructor() {
    super({
      region: 'r',
      service: 's',
      credentials: { accessKeyId: '', secretAccessKey: '' },
      sha256: class {} as never,
    });
  }
  path(path: string): string {
    return (this as unknown as { getCanonicalPath(request: { path: string }): string }).getCanonicalPath({ path });
  }
  date(date: Date): { longDate: string; shortDate: string } {
    return this.formatDate(date);
  }
}

const PATHS = [
  '/',
  '/prod/items',
  '/prod/items/',
  '//prod//items//',
  '/a/./b/../c',
  '/..',
  '/./',
  '/a/..',
  '/a%20b/%2F/c',
  '/%E2%82%AC/caf%C3%A9',
  "/!'()*@:$&+,;=",
  '/a...b/.../..a',
  '/~user_name/file-1.2',
  '/%7E',
];

describe('canonical paths: as they are where smithy leaves them unchanged, else by smithy, and dates', () => {
  const smithy = new Smithy();

  it.each(PATHS)('canonicalizes %s as smithy does', (path) => {
    expect(canonicalPath(KIT, path)).toBe(smithy.path(path));
  });

  it('signs every path as smithy canonicalizes it, whether it takes the short way or loads the rules', async () => {
    const pieces = ['/', '/', 'a', '.', '..', '%2F', '-_~', 'B9', '%20', '*'];
    // Deterministic: every path of up to four pieces.
    const paths = new Set<string>();
    const grow = (path: string, depth: number): void => {
      paths.add(path);
      if (depth < 4) for (const piece of pieces) grow(path + piece, depth + 1);
    };
    grow('/', 0);
    for (const path of paths) {
      expect(isCanonicalPath(path) ? path : await toCanonicalPath(path), path).toBe(smithy.path(path));
      expect(await toCanonicalPath(path), path).toBe(smithy.path(path));
    }
  });

  it('formats signing dates as smithy does', () => {
    for (const time of [
      0,
      1_440_938_160_000,
      1_764_156_127_999,
      253_402_300_799_000,
      Date.UTC(2026, 1, 28, 23, 59, 59, 500),
    ]) {
      const date = new Date(time);
      expect(formatSigningDate(date)).toEqual(smithy.date(date));
    }
  });
});
