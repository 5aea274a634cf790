import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalQueryComponent } from '../src/request/canonical-query.js';

/** AWS's rule written out byte by byte: `%XX` is the byte XX, `+` a space, then RFC 3986 encoding. */
function referenceComponent(raw: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const percent = /^%[0-9a-f]{2}/i.exec(raw.slice(i));
    if (percent) {
      bytes.push(Number.parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(raw[i] === '+' ? 0x20 : raw.charCodeAt(i));
    }
  }
  return bytes
    .map((byte) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

describe('canonicalQueryComponent', () => {
  it.each([
    ['q', 'q'],
    ['%FF', '%FF'],
    ['caf%e9', 'caf%E9'],
    ['%C3', '%C3'],
    ['a+b', 'a%20b'],
    ['%2B', '%2B'],
    ['%7e~', '~~'],
    ['*@/:', '%2A%40%2F%3A'],
    ['100%', '100%25'],
    ['%4', '%254'],
    ['%u0041', '%25u0041'],
    ['%%41', '%25A'],
  ])('canonicalizes %j as the bytes it stands for: %j', (raw, canonical) => {
    expect(canonicalQueryComponent(raw)).toBe(canonical);
  });

  it('matches the byte-by-byte rule for any ASCII query component', () => {
    const piece = fc.oneof(
      fc.string({ unit: fc.constantFrom('%', '+', 'u', 'A', 'f', '7', 'E', 'e', '~', '*', '@', '/', ' ') }),
      fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)) }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4 }), (pieces) => {
        const raw = pieces.join('');
        expect(canonicalQueryComponent(raw)).toBe(referenceComponent(raw));
      }),
      { numRuns: 2000, seed: 1 },
    );
  });
});
