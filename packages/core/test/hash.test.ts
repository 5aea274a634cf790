import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NodeSha256, sha256Hex as nodeSha256Hex } from '../src/hash/sha256-node.js';
import { WebSha256, sha256Hex as webSha256Hex } from '../src/hash/sha256-web.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

async function digest(
  Hash: typeof NodeSha256 | typeof WebSha256,
  chunks: (string | Uint8Array)[],
  secret?: string | Uint8Array,
): Promise<string> {
  const hash = new Hash(secret);
  for (const chunk of chunks) hash.update(chunk);
  return hex(await hash.digest());
}

const chunks = fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.uint8Array({ maxLength: 200 })), { maxLength: 5 });
const reference = (parts: (string | Uint8Array)[], secret?: string | Uint8Array): string => {
  const h = secret === undefined ? createHash('sha256') : createHmac('sha256', secret);
  for (const part of parts) h.update(part);
  return h.digest('hex');
};

describe('hashing', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('node:crypto SHA-256 and HMAC match the reference for any input', async () => {
    await fc.assert(
      fc.asyncProperty(
        chunks,
        fc.option(fc.oneof(fc.string({ minLength: 1 }), fc.uint8Array({ minLength: 1, maxLength: 80 })), {
          nil: undefined,
        }),
        async (parts, secret) => {
          expect(await digest(NodeSha256, parts, secret)).toBe(reference(parts, secret));
        },
      ),
    );
  });

  it('hashes a string of several MiB as its UTF-8 bytes, surrogate pairs across slices included', async () => {
    // Emoji (two UTF-16 units each) at odd offsets put pair halves on both sides of every slice edge.
    const texts = [`x${'😀'.repeat(1 << 20)}`, `${'é'.repeat((1 << 20) + 3)}\ud800`, 'a'.repeat((1 << 22) + 1)];
    for (const text of texts) {
      expect(await nodeSha256Hex(text)).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
    }
  });

  it('WebCrypto SHA-256 and HMAC match node:crypto for any input', async () => {
    await fc.assert(
      fc.asyncProperty(
        chunks,
        fc.option(fc.oneof(fc.string({ minLength: 1 }), fc.uint8Array({ minLength: 1, maxLength: 80 })), {
          nil: undefined,
        }),
        async (parts, secret) => {
          expect(await digest(WebSha256, parts, secret)).toBe(reference(parts, secret));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('falls back to @aws-crypto/sha256-js where crypto.subtle is missing', async () => {
    vi.stubGlobal('crypto', undefined);
    expect(await digest(WebSha256, ['hello ', new TextEncoder().encode('world')])).toBe(reference(['hello world']));
    expect(await digest(WebSha256, ['data'], 'key')).toBe(reference(['data'], 'key'));
    expect(await webSha256Hex('abc')).toBe(reference(['abc']));
  });

  it('HMACs with an empty key like node:crypto does', async () => {
    expect(await digest(WebSha256, ['data'], new Uint8Array())).toBe(reference(['data'], new Uint8Array()));
  });

  it('reuses the imported WebCrypto key for the same key bytes and stays correct', async () => {
    const key = new Uint8Array(32).fill(7);
    const first = await digest(WebSha256, ['string to sign 1'], key);
    const second = await digest(WebSha256, ['string to sign 2'], key);
    expect([first, second]).toEqual([reference(['string to sign 1'], key), reference(['string to sign 2'], key)]);
  });

  it('copies chunks, so a reused buffer does not change the digest', async () => {
    const buffer = new Uint8Array([1, 2, 3]);
    const hash = new WebSha256();
    hash.update(buffer);
    buffer.fill(0);
    expect(hex(await hash.digest())).toBe(reference([new Uint8Array([1, 2, 3])]));
  });
});
