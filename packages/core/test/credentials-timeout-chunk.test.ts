import { type AwsCredentialIdentity, createSigner, isSigV4Error } from '@sigv4/core';
import { describe, expect, it, vi } from 'vitest';
import { API_URL } from './support/fixtures.js';

// The credentials error module is a chunk loaded on a provider's failure; on a page whose network hangs, it never loads.
vi.mock('../src/credentials/credentials-error.js', () => new Promise(() => {}));

describe('the credentials timeout when the credentials error module never loads', () => {
  it('still fails the sign with CREDENTIALS_PROVIDER_FAILED naming credentialsTimeout', {
    timeout: 5_000,
  }, async () => {
    const signer = createSigner({
      region: 'eu-central-1',
      service: 'execute-api',
      credentials: () => new Promise<AwsCredentialIdentity>(() => {}),
      credentialsTimeout: 20,
    });
    const error: unknown = await signer.sign({ url: API_URL }).catch((e: unknown) => e);
    expect(isSigV4Error(error) && error.code).toBe('CREDENTIALS_PROVIDER_FAILED');
    expect((error as Error).message).toMatch(/timed out: no credentials after 20 ms \(`credentialsTimeout`\)/);
  });
});
