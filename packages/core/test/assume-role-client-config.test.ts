import { fromAssumeRole } from '@sigv4/core';
import { describe, expect, it, vi } from 'vitest';
import { CREDENTIALS, TEMP_CREDENTIALS } from './support/fixtures.js';

const factory = vi.hoisted(() =>
  vi.fn((_options: { clientConfig?: Record<string, unknown> }) => async () => ({
    accessKeyId: 'ASIA',
    secretAccessKey: 'assumed-secret-EXAMPLE',
  })),
);
vi.mock('@aws-sdk/credential-providers', () => ({ fromTemporaryCredentials: factory }));

describe('fromAssumeRole STS client', () => {
  it('gives up on an unanswered STS request by default', async () => {
    await fromAssumeRole({
      roleArn: 'arn:aws:iam::123456789012:role/x',
      masterCredentials: CREDENTIALS,
      clientConfig: { region: 'eu-central-1' },
    })();
    const clientConfig = factory.mock.calls.at(-1)?.[0].clientConfig;
    expect(clientConfig).toMatchObject({
      region: 'eu-central-1',
      requestHandler: { requestTimeout: expect.any(Number), connectionTimeout: expect.any(Number) },
    });
    const handler = clientConfig?.['requestHandler'] as { requestTimeout: number; connectionTimeout: number };
    expect(handler.requestTimeout).toBeGreaterThan(0);
    expect(handler.connectionTimeout).toBeGreaterThan(0);
  });

  it('uses the caller’s own requestHandler when given', async () => {
    const requestHandler = { requestTimeout: 123 };
    await fromAssumeRole({
      roleArn: 'arn:aws:iam::123456789012:role/x',
      masterCredentials: TEMP_CREDENTIALS,
      clientConfig: { requestHandler },
    })();
    expect(factory.mock.calls.at(-1)?.[0].clientConfig?.['requestHandler']).toBe(requestHandler);
  });
});
