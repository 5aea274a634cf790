import { createSigner, isSigV4Error } from '@sigv4/core';
import { describe, expect, it, vi } from 'vitest';
import { CREDENTIALS, FIXED_NOW } from './support/fixtures.js';

// Headers other than a plain object of strings are read by a chunk loaded for them; a page offline cannot load it.
vi.mock('../src/request/normalize-any-headers.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('a request whose header module cannot load', () => {
  const signer = createSigner({
    region: 'eu-central-1',
    service: 'execute-api',
    credentials: CREDENTIALS,
    now: FIXED_NOW,
  });

  it('rejects with SIGNING_FAILED, not as wrong input', async () => {
    const error = await signer.sign({ url: 'https://example.com/', headers: [['a', '1']] }).catch((e: unknown) => e);
    expect(isSigV4Error(error) && error.code).toBe('SIGNING_FAILED');
  });

  it('still signs a plain object of string headers, which needs no module', async () => {
    const signed = await signer.sign({ url: 'https://example.com/', headers: { A: '1', b: undefined } });
    expect(signed.headers.a).toBe('1');
    expect('b' in signed.headers).toBe(false);
  });
});
