import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AwsCredentialIdentity, createSigner, fromAssumeRole, isSigV4Error, type SigV4Error } from '@sigv4/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_URL, CREDENTIALS, TEMP_CREDENTIALS } from './support/fixtures.js';

const MINUTE = 60_000;
const START = new Date('2026-01-01T00:00:00Z').getTime();

const signerWith = (
  credentials: Parameters<typeof createSigner>[0] extends infer O
    ? O extends { credentials?: infer C }
      ? C
      : never
    : never,
) => createSigner({ region: 'eu-central-1', service: 'execute-api', credentials });

const accessKeyIdOf = (authorization: string | undefined): string =>
  /Credential=([^/]+)\//.exec(authorization ?? '')?.[1] ?? '';

async function rejection(promise: Promise<unknown>): Promise<SigV4Error> {
  try {
    await promise;
  } catch (error) {
    if (isSigV4Error(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('credentials', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(START);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('uses static credentials as they are', async () => {
    const signed = await signerWith(CREDENTIALS).sign({ url: API_URL });
    expect(accessKeyIdOf(signed.headers.authorization)).toBe(CREDENTIALS.accessKeyId);
  });

  it('rejects static credentials without a secret key when the signer is created', () => {
    expect(() => signerWith({ accessKeyId: 'AKID' } as AwsCredentialIdentity)).toThrowError(
      expect.objectContaining({ code: 'CREDENTIALS_INVALID' }),
    );
  });

  it('calls a provider once for concurrent signs (single flight)', async () => {
    const provider = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return TEMP_CREDENTIALS;
    });
    const signer = signerWith(provider);
    const signed = await Promise.all([1, 2, 3, 4, 5].map(() => signer.sign({ url: API_URL })));
    expect(provider).toHaveBeenCalledTimes(1);
    for (const s of signed) expect(s.headers['x-amz-security-token']).toBe(TEMP_CREDENTIALS.sessionToken);
  });

  it('keeps credentials without expiration for the life of the signer', async () => {
    const provider = vi.fn(async () => CREDENTIALS);
    const signer = signerWith(provider);
    await signer.sign({ url: API_URL });
    vi.setSystemTime(START + 24 * 60 * MINUTE);
    await signer.sign({ url: API_URL });
    expect(provider).toHaveBeenCalledTimes(1);
  });

  it('refreshes credentials 5 minutes before they expire', async () => {
    let n = 0;
    const provider = vi.fn(async () => ({
      ...CREDENTIALS,
      accessKeyId: `AKID${++n}`,
      expiration: new Date(Date.now() + 15 * MINUTE),
    }));
    const signer = signerWith(provider);
    expect(accessKeyIdOf((await signer.sign({ url: API_URL })).headers.authorization)).toBe('AKID1');
    vi.setSystemTime(START + 9 * MINUTE);
    expect(accessKeyIdOf((await signer.sign({ url: API_URL })).headers.authorization)).toBe('AKID1');
    vi.setSystemTime(START + 10 * MINUTE);
    expect(accessKeyIdOf((await signer.sign({ url: API_URL })).headers.authorization)).toBe('AKID2');
    expect(provider).toHaveBeenCalledTimes(2);
  });

  it('does not cache a failed fetch: the next sign tries the provider again', async () => {
    const provider = vi
      .fn<() => Promise<AwsCredentialIdentity>>()
      .mockRejectedValueOnce(new Error('socket hang up'))
      .mockResolvedValue(CREDENTIALS);
    const signer = signerWith(provider);
    const error = await rejection(signer.sign({ url: API_URL }));
    expect(error.code).toBe('CREDENTIALS_PROVIDER_FAILED');
    expect(error.message).toContain('socket hang up');
    expect((error.cause as Error).message).toBe('socket hang up');
    const signed = await signer.sign({ url: API_URL });
    expect(accessKeyIdOf(signed.headers.authorization)).toBe(CREDENTIALS.accessKeyId);
    expect(provider).toHaveBeenCalledTimes(2);
  });

  it('keeps signing with still-valid credentials while a refresh fails, and retries the refresh', async () => {
    const provider = vi
      .fn<() => Promise<AwsCredentialIdentity>>()
      .mockResolvedValueOnce({ ...CREDENTIALS, accessKeyId: 'AKIDOLD', expiration: new Date(START + 15 * MINUTE) })
      .mockRejectedValueOnce(new Error('throttled'))
      .mockResolvedValue({ ...CREDENTIALS, accessKeyId: 'AKIDNEW' });
    const signer = signerWith(provider);
    await signer.sign({ url: API_URL });
    vi.setSystemTime(START + 11 * MINUTE);
    expect(accessKeyIdOf((await signer.sign({ url: API_URL })).headers.authorization)).toBe('AKIDOLD');
    expect(accessKeyIdOf((await signer.sign({ url: API_URL })).headers.authorization)).toBe('AKIDNEW');
    expect(provider).toHaveBeenCalledTimes(3);
  });

  it('fails once expired credentials cannot be refreshed', async () => {
    const provider = vi
      .fn<() => Promise<AwsCredentialIdentity>>()
      .mockResolvedValueOnce({ ...CREDENTIALS, expiration: new Date(START + 15 * MINUTE) })
      .mockRejectedValue(new Error('throttled'));
    const signer = signerWith(provider);
    await signer.sign({ url: API_URL });
    vi.setSystemTime(START + 16 * MINUTE);
    expect((await rejection(signer.sign({ url: API_URL }))).code).toBe('CREDENTIALS_PROVIDER_FAILED');
  });

  it('rejects what a provider returns when it is not credentials', async () => {
    const signer = signerWith(async () => ({ accessKeyId: 'AKID' }) as AwsCredentialIdentity);
    expect((await rejection(signer.sign({ url: API_URL }))).code).toBe('CREDENTIALS_INVALID');
  });
});

describe('default credential chain', () => {
  const isolate = () => {
    const empty = mkdtempSync(join(tmpdir(), 'sigv4-creds-'));
    vi.stubEnv('AWS_CONFIG_FILE', join(empty, 'config'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(empty, 'credentials'));
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
    vi.stubEnv('AWS_PROFILE', '');
    for (const name of [
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_WEB_IDENTITY_TOKEN_FILE',
      'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
      'AWS_CONTAINER_CREDENTIALS_FULL_URI',
      'AWS_ROLE_ARN',
    ]) {
      vi.stubEnv(name, undefined as unknown as string);
    }
  };
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('finds credentials in the environment when none are given', async () => {
    isolate();
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDFROMENV');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret-from-env-EXAMPLE');
    const signed = await createSigner({ region: 'eu-central-1', service: 'execute-api' }).sign({ url: API_URL });
    expect(accessKeyIdOf(signed.headers.authorization)).toBe('AKIDFROMENV');
  });

  it('says how to provide credentials when the chain finds none', async () => {
    isolate();
    const error = await rejection(
      createSigner({ region: 'eu-central-1', service: 'execute-api' }).sign({ url: API_URL }),
    );
    expect(error.code).toBe('CREDENTIALS_MISSING');
    expect(error.message).toMatch(/pass `credentials`/);
    expect(error.message).toMatch(/AWS_ACCESS_KEY_ID/);
  });
});

describe('fromAssumeRole', () => {
  let server: Server;
  let endpoint: string;
  const calls: { body: string; authorization: string }[] = [];

  beforeEach(async () => {
    calls.length = 0;
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        calls.push({ body, authorization: String(req.headers.authorization) });
        const expiration = new Date(Date.now() + 15 * MINUTE).toISOString();
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(
          `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>ASIAASSUMED${calls.length}</AccessKeyId><SecretAccessKey>assumed-secret-EXAMPLE</SecretAccessKey><SessionToken>assumed-token-EXAMPLE</SessionToken><Expiration>${expiration}</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/api-caller/s</Arn><AssumedRoleId>AROAEXAMPLE:s</AssumedRoleId></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>`,
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('signs with the assumed role and asks STS once while the credentials are fresh', async () => {
    const signer = createSigner({
      region: 'eu-central-1',
      service: 'execute-api',
      credentials: fromAssumeRole({
        roleArn: 'arn:aws:iam::123456789012:role/api-caller',
        roleSessionName: 'test-session',
        masterCredentials: CREDENTIALS,
        clientConfig: { region: 'eu-central-1', endpoint },
      }),
    });
    const [a, b] = await Promise.all([signer.sign({ url: API_URL }), signer.sign({ url: API_URL })]);
    expect(accessKeyIdOf(a.headers.authorization)).toBe('ASIAASSUMED1');
    expect(b.headers['x-amz-security-token']).toBe('assumed-token-EXAMPLE');
    expect(calls).toHaveLength(1);
    const params = new URLSearchParams(calls[0]?.body);
    expect(Object.fromEntries(params)).toMatchObject({
      Action: 'AssumeRole',
      RoleArn: 'arn:aws:iam::123456789012:role/api-caller',
      RoleSessionName: 'test-session',
      DurationSeconds: '900',
    });
    expect(calls[0]?.authorization).toContain(`Credential=${CREDENTIALS.accessKeyId}/`);
  });

  it('reports an STS failure as CREDENTIALS_PROVIDER_FAILED', async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server = createServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'text/xml' });
      res.end(
        '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not allowed to assume</Message></Error><RequestId>1</RequestId></ErrorResponse>',
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const signer = createSigner({
      region: 'eu-central-1',
      service: 'execute-api',
      credentials: fromAssumeRole({
        roleArn: 'arn:aws:iam::123456789012:role/x',
        masterCredentials: CREDENTIALS,
        clientConfig: { region: 'eu-central-1', endpoint, maxAttempts: 1 },
      }),
    });
    const error = await rejection(signer.sign({ url: API_URL }));
    expect(error.code).toBe('CREDENTIALS_PROVIDER_FAILED');
    expect(error.message).toContain('not allowed to assume');
    expect(JSON.stringify(error)).not.toContain(CREDENTIALS.secretAccessKey);
  });

  it('checks its options', () => {
    expect(() => fromAssumeRole({ roleArn: 'api-caller' })).toThrowError(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
    expect(() => fromAssumeRole({ roleArn: 'arn:aws:iam::1:role/x', durationSeconds: 60 })).toThrowError(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });

  it('asks for clientConfig.region when a custom STS endpoint is given without one', () => {
    const call = () =>
      fromAssumeRole({ roleArn: 'arn:aws:iam::1:role/x', clientConfig: { endpoint: 'http://127.0.0.1:4566' } });
    expect(call).toThrowError(
      expect.objectContaining({ code: 'INVALID_OPTIONS', message: expect.stringContaining('`clientConfig.region`') }),
    );
  });
});
