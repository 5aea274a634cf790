import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSignableHeaderValue } from '../src/index.js';

/** The bytes a client puts on the wire for a header string: one byte per character. */
const wireBytes = (value: string) => [...Buffer.from(value, 'latin1')];
const utf8 = (value: string) => [...Buffer.from(value, 'utf8')];

describe('toSignableHeaderValue', () => {
  it('leaves ASCII values as they are', () => {
    expect(toSignableHeaderValue('application/json; a=1')).toEqual({
      text: 'application/json; a=1',
      wire: 'application/json; a=1',
    });
  });

  it('sends Latin-1 text as its UTF-8 bytes and signs the text', () => {
    const { text, wire } = toSignableHeaderValue('café');

    expect(text).toBe('café');
    expect(wireBytes(wire)).toEqual(utf8('café'));
  });

  it('signs a value that is already UTF-8 bytes as the text they spell and sends it unchanged', () => {
    const encoded = Buffer.from('naïve €', 'utf8').toString('latin1');

    expect(toSignableHeaderValue(encoded)).toEqual({ text: 'naïve €', wire: encoded });
  });

  it('gives the same pair again for its own wire value, so a retry is signed as the first attempt', () => {
    const first = toSignableHeaderValue('Zoë Orléans');

    expect(toSignableHeaderValue(first.wire)).toEqual(first);
  });

  it('always signs exactly the bytes it sends (any byte string)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        const { text, wire } = toSignableHeaderValue(Buffer.from(bytes).toString('latin1'));
        expect(utf8(text)).toEqual(wireBytes(wire));
      }),
    );
  });
});
