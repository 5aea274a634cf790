import {
  fromCognitoIdentityPool,
  fromEnv,
  fromIni,
  fromNodeProviderChain,
  fromTemporaryCredentials,
} from '@aws-sdk/credential-providers';
import { type CredentialsInput, createSigner } from '@sigv4/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_URL } from './support/fixtures.js';

describe('AWS SDK credential providers', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('plug in as credentials without adapters or casts', () => {
    // Type-level check (tsc) that every provider shape fits; the values are never called here.
    const providers: CredentialsInput[] = [
      fromEnv(),
      fromIni({ profile: 'dev' }),
      fromNodeProviderChain(),
      fromTemporaryCredentials({ params: { RoleArn: 'arn:aws:iam::123456789012:role/x' } }),
      fromCognitoIdentityPool({
        identityPoolId: 'eu-central-1:00000000-0000-0000-0000-000000000000',
        clientConfig: { region: 'eu-central-1' },
      }),
    ];
    expect(providers.every((provider) => typeof provider === 'function')).toBe(true);
  });

  it('signs with fromEnv()', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDFROMSDKENV');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'sdk-env-secret-EXAMPLE');
    vi.stubEnv('AWS_SESSION_TOKEN', 'sdk-env-token-EXAMPLE');
    const signed = await createSigner({ region: 'eu-central-1', service: 'execute-api', credentials: fromEnv() }).sign({
      url: API_URL,
    });
    expect(signed.headers.authorization).toContain('Credential=AKIDFROMSDKENV/');
    expect(signed.headers['x-amz-security-token']).toBe('sdk-env-token-EXAMPLE');
  });
});
