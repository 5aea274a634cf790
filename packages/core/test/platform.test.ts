import { createSigner, isSigV4Error } from '@sigv4/core';
import { describe, expect, it } from 'vitest';
import * as browser from '../src/platform/browser.js';
import * as node from '../src/platform/node.js';
import { API_URL, CREDENTIALS, FIXED_NOW } from './support/fixtures.js';

describe('platforms', () => {
  it('the browser platform has no default credential chain and says to pass credentials', async () => {
    const error = await browser.loadDefaultCredentialProvider().catch((e: unknown) => e);
    expect(isSigV4Error(error) && error.code).toBe('CREDENTIALS_MISSING');
    expect((error as Error).message).toMatch(/pass `credentials`/);
  });

  it('the build without Node names what to pass in Workers (secrets on env) and in browsers (Cognito)', async () => {
    const error = await browser.loadDefaultCredentialProvider().catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/Workers .*env\.AWS_ACCESS_KEY_ID/);
    expect((error as Error).message).toMatch(/fromCognitoIdentityPool\(\)/);
  });

  it('the browser platform leaves STS out and points to the SDK', async () => {
    const error = await browser
      .fromAssumeRole({ roleArn: 'arn:aws:iam::123456789012:role/api-caller' })()
      .catch((e: unknown) => e);
    expect(isSigV4Error(error) && error.code).toBe('CREDENTIALS_PROVIDER_FAILED');
    expect((error as Error).message).toMatch(/fromTemporaryCredentials|fromCognitoIdentityPool/);
  });

  it('both platforms hash and HMAC alike', async () => {
    const key = new Uint8Array(32).fill(1);
    expect(await browser.sha256Hex('payload')).toBe(await node.sha256Hex('payload'));
    expect(await browser.hmacSha256Hex(key, 'string to sign')).toBe(await node.hmacSha256Hex(key, 'string to sign'));
  });

  it('ignores options it does not know, so adapters can pass their own option objects', async () => {
    const signer = createSigner({
      region: 'eu-central-1',
      service: 'execute-api',
      credentials: CREDENTIALS,
      now: FIXED_NOW,
      retries: 2,
    } as never);
    expect((await signer.sign({ url: API_URL })).headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
  });
});
