import { createSigner, isSigV4Error } from '@sigv4/core';
import { describe, expect, it, vi } from 'vitest';
import { CREDENTIALS, FIXED_NOW } from './support/fixtures.js';

// The error module is a chunk loaded on the first failure; a page that lost its network cannot load it.
vi.mock('../src/errors/to-safe-error.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('a failure whose error module cannot load', () => {
  it('rejects with SIGNING_FAILED and drops the original error, which could not be checked for secrets', async () => {
    const signer = createSigner({
      region: 'eu-central-1',
      service: 'execute-api',
      credentials: CREDENTIALS,
      now: FIXED_NOW,
    });
    const error = await signer.sign({ url: 'ftp://example.com/' }).catch((e: unknown) => e);
    expect(isSigV4Error(error) && error.code).toBe('SIGNING_FAILED');
    expect((error as Error).message).toBe('sign() failed, and its error details did not load.');
    expect(String((error as Error).cause)).not.toContain('ftp');
  });
});
