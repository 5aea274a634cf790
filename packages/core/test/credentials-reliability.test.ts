import { createServer as createHttpServer, type Server } from 'node:http';
import { type AddressInfo, createConnection, createServer, type Socket } from 'node:net';
import { inspect } from 'node:util';
import { type AwsCredentialIdentity, createSigner, fromAssumeRole, isSigV4Error, type SigV4Error } from '@sigv4/core';
import { startGateway, TEST_CREDENTIALS, TEST_ROLE_ARN } from '@sigv4/gateway';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCredentialsResolver } from '../src/credentials/resolve-credentials.js';
import { API_URL, CREDENTIALS, TEMP_CREDENTIALS } from './support/fixtures.js';

const MINUTE = 60_000;
const START = new Date('2026-01-01T00:00:00Z').getTime();

async function rejection(promise: Promise<unknown>): Promise<SigV4Error> {
  try {
    await promise;
  } catch (error) {
    if (isSigV4Error(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

const accessKeyIdOf = (authorization: string | undefined): string =>
  /Credential=([^/]+)\//.exec(authorization ?? '')?.[1] ?? '';

const never = (): Promise<AwsCredentialIdentity> => new Promise(() => {});

describe('a credentials provider that never answers', () => {
  it('fails the sign with CREDENTIALS_PROVIDER_FAILED naming credentialsTimeout, and the next sign asks again', async () => {
    const provider = vi
      .fn<() => Promise<AwsCredentialIdentity>>()
      .mockImplementationOnce(never)
      .mockResolvedValue(CREDENTIALS);
    const signer = createSigner({
      region: 'eu-central-1',
      service: 'execute-api',
      credentials: provider,
      credentialsTimeout: 20,
    });
    const errors = await Promise.all([
      rejection(signer.sign({ url: API_URL })),
      rejection(signer.sign({ url: API_URL })),
    ]);
    for (const error of errors) {
      expect(error.code).toBe('CREDENTIALS_PROVIDER_FAILED');
      expect(error.message).toContain('timed out');
      expect(error.message).toContain('credentialsTimeout');
    }
    const signed = await signer.sign({ url: API_URL });
    expect(accessKeyIdOf(signed.headers.authorization)).toBe(CREDENTIALS.accessKeyId);
    expect(provider).toHaveBeenCalledTimes(2);
  });

  it('keeps signing with still-valid credentials while a refresh hangs', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(START);
      const provider = vi
        .fn<() => Promise<AwsCredentialIdentity>>()
        .mockResolvedValueOnce({ ...CREDENTIALS, accessKeyId: 'AKIDOLD', expiration: new Date(START + 15 * MINUTE) })
        .mockImplementationOnce(never)
        .mockResolvedValue({ ...CREDENTIALS, accessKeyId: 'AKIDNEW' });
      const signer = createSigner({
        region: 'eu-central-1',
        service: 'execute-api',
        credentials: provider,
        credentialsTimeout: 20,
      });
      await signer.sign({ url: API_URL });
      vi.setSystemTime(START + 11 * MINUTE);
      expect(accessKeyIdOf((await signer.sign({ url: API_URL })).headers.authorization)).toBe('AKIDOLD');
      expect(accessKeyIdOf((await signer.sign({ url: API_URL })).headers.authorization)).toBe('AKIDNEW');
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits on a timer that does not keep the process alive', async () => {
    const timers: ReturnType<typeof setTimeout>[] = [];
    const original = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((...args: Parameters<typeof setTimeout>) => {
      const timer = original(...args);
      timers.push(timer);
      return timer;
    }) as typeof setTimeout);
    try {
      const signer = createSigner({
        region: 'eu-central-1',
        service: 'execute-api',
        credentials: async () => CREDENTIALS,
        credentialsTimeout: 60_000,
      });
      await signer.sign({ url: API_URL });
    } finally {
      spy.mockRestore();
    }
    const timer = timers.find((t) => typeof t === 'object');
    expect(timer?.hasRef()).toBe(false);
  });

  it('refuses a credentialsTimeout that is not whole positive milliseconds', () => {
    for (const credentialsTimeout of [0, -1, 1.5, Number.NaN, '100', 2 ** 31]) {
      expect(() => createSigner({ credentialsTimeout: credentialsTimeout as number })).toThrowError(
        expect.objectContaining({ code: 'INVALID_OPTIONS', message: expect.stringContaining('credentialsTimeout') }),
      );
    }
  });
});

describe('fromAssumeRole against an STS that accepts and never answers', () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let hung: ReturnType<typeof createServer>;
  const sockets = new Set<Socket>();
  let recovered = false;

  beforeEach(async () => {
    recovered = false;
    gateway = await startGateway({ region: 'eu-central-1' });
    const upstream = new URL(gateway.stsUrl);
    hung = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
      if (!recovered) return;
      const sts = createConnection(Number(upstream.port), upstream.hostname);
      sts.on('error', () => socket.destroy());
      socket.pipe(sts).pipe(socket);
    });
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => hung.close(() => resolve()));
    await gateway.close();
  });

  it('rejects within credentialsTimeout and signs once STS recovers', async () => {
    const endpoint = `http://127.0.0.1:${(hung.address() as AddressInfo).port}/`;
    const signer = createSigner({
      region: gateway.region,
      service: 'execute-api',
      credentialsTimeout: 200,
      credentials: fromAssumeRole({
        roleArn: TEST_ROLE_ARN,
        masterCredentials: TEST_CREDENTIALS,
        clientConfig: { region: gateway.region, endpoint, maxAttempts: 1 },
      }),
    });
    const error = await rejection(signer.sign({ url: `${gateway.url}/items` }));
    expect(error.code).toBe('CREDENTIALS_PROVIDER_FAILED');
    expect(error.message).toContain('credentialsTimeout');
    recovered = true;
    const signed = await signer.sign({ url: `${gateway.url}/items` });
    expect(signed.headers['x-amz-security-token']).toBeTruthy();
    const response = await fetch(signed.url, { headers: signed.headers });
    expect(response.status).toBe(200);
  });
});

describe('credential expiry', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is judged by the signer clock once correctClockSkew has set an offset', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(START);
    const serverNow = START + 16 * MINUTE;
    let n = 0;
    const provider = vi.fn(async () => ({
      ...TEMP_CREDENTIALS,
      accessKeyId: `ASIA${++n}`,
      expiration: new Date(serverNow + (n === 1 ? 3 : 60) * MINUTE),
    }));
    const signer = createSigner({ region: 'eu-central-1', service: 'execute-api', credentials: provider });
    signer.correctClockSkew(new Date(serverNow));
    expect(accessKeyIdOf((await signer.sign({ url: API_URL })).headers.authorization)).toBe('ASIA1');
    expect(accessKeyIdOf((await signer.sign({ url: API_URL })).headers.authorization)).toBe('ASIA2');
    expect(provider).toHaveBeenCalledTimes(2);
  });
});

describe('secrets kept for redaction', () => {
  it('are those of the current and previous credentials only, however often they rotate', async () => {
    let n = 0;
    const resolver = createCredentialsResolver(
      async () => ({
        accessKeyId: `ASIA${++n}`,
        secretAccessKey: `secret-${n}-EXAMPLEKEY`,
        sessionToken: `token-${n}-EXAMPLE`,
        expiration: new Date(0),
      }),
      async () => never,
      { now: () => START, timeoutMs: 1_000 },
    );
    for (let i = 0; i < 200; i++) await resolver();
    expect([...resolver.secrets()].sort()).toEqual([
      'secret-199-EXAMPLEKEY',
      'secret-200-EXAMPLEKEY',
      'token-199-EXAMPLE',
      'token-200-EXAMPLE',
    ]);
  });

  it('include the masterCredentials handed to fromAssumeRole before they are used', async () => {
    const master = {
      accessKeyId: 'AKIDMASTER',
      secretAccessKey: 'master/Secret+Key/EXAMPLEKEY0123',
      sessionToken: 'master-session-token-EXAMPLE',
    };
    const sts: Server = createHttpServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'text/xml' });
      res.end(
        `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>bad key ${master.secretAccessKey} token ${master.sessionToken}</Message></Error><RequestId>1</RequestId></ErrorResponse>`,
      );
    });
    await new Promise<void>((resolve) => sts.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(sts.address() as AddressInfo).port}`;
      for (const masterCredentials of [master, async () => master]) {
        const signer = createSigner({
          region: 'eu-central-1',
          service: 'execute-api',
          credentials: fromAssumeRole({
            roleArn: 'arn:aws:iam::123456789012:role/x',
            masterCredentials,
            clientConfig: { region: 'eu-central-1', endpoint, maxAttempts: 1 },
          }),
        });
        const error = await rejection(signer.sign({ url: API_URL }));
        expect(error.code).toBe('CREDENTIALS_PROVIDER_FAILED');
        expect(error.message).toContain('[redacted]');
        const surfaces = [
          error.message,
          String(error.stack),
          inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
          JSON.stringify(error),
          inspect(error.cause, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
          JSON.stringify(error.cause),
        ];
        for (const text of surfaces) {
          expect(text).not.toContain(master.secretAccessKey);
          expect(text).not.toContain(master.sessionToken);
        }
      }
    } finally {
      await new Promise<void>((resolve) => sts.close(() => resolve()));
    }
  });
});

describe('a provider whose credentials cannot be read', () => {
  it('fails with CREDENTIALS_PROVIDER_FAILED when a getter throws', async () => {
    const provider = async () =>
      ({
        accessKeyId: 'AKID',
        get secretAccessKey(): string {
          throw new TypeError('no secret here');
        },
      }) as AwsCredentialIdentity;
    const signer = createSigner({ region: 'eu-central-1', service: 'execute-api', credentials: provider });
    const error = await rejection(signer.sign({ url: API_URL }));
    expect(error.code).toBe('CREDENTIALS_PROVIDER_FAILED');
    expect(error.message).toContain('no secret here');
  });

  it('refuses static credentials whose getter throws with CREDENTIALS_INVALID', () => {
    const credentials = {
      accessKeyId: 'AKID',
      get secretAccessKey(): string {
        throw new TypeError('no secret here');
      },
    } as AwsCredentialIdentity;
    expect(() => createSigner({ credentials })).toThrowError(expect.objectContaining({ code: 'CREDENTIALS_INVALID' }));
  });
});
