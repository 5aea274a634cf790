import { createSigner, isSigV4Error, type SignerOptions, SigV4Error, type SigV4ErrorCode } from '@sigv4/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_URL, CREDENTIALS, FIXED_NOW } from './support/fixtures.js';

const base: SignerOptions = {
  region: 'eu-central-1',
  service: 'execute-api',
  credentials: CREDENTIALS,
  now: FIXED_NOW,
};

async function codeOf(run: () => unknown): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof SigV4Error)) throw error;
    return error.code;
  }
  return undefined;
}

/** One way to get each code; the list must cover every SigV4ErrorCode. */
const TRIGGERS: Record<SigV4ErrorCode, () => unknown> = {
  CREDENTIALS_MISSING: () =>
    createSigner({
      ...base,
      credentials: async () => {
        throw new SigV4Error('CREDENTIALS_MISSING', 'none');
      },
    }).sign({ url: API_URL }),
  CREDENTIALS_PROVIDER_FAILED: () =>
    createSigner({
      ...base,
      credentials: async () => {
        throw new Error('down');
      },
    }).sign({ url: API_URL }),
  CREDENTIALS_INVALID: () => createSigner({ ...base, credentials: { accessKeyId: '', secretAccessKey: 'x' } }),
  REGION_UNRESOLVED: () => createSigner({ credentials: CREDENTIALS }).sign({ url: 'https://api.example.com/' }),
  SERVICE_UNRESOLVED: () =>
    createSigner({ credentials: CREDENTIALS, region: 'eu-central-1' }).sign({ url: 'https://api.example.com/' }),
  INVALID_URL: () => createSigner(base).sign({ url: '/relative/path' }),
  UNSUPPORTED_BODY: () => createSigner(base).sign({ method: 'POST', url: API_URL, body: { json: true } as never }),
  INVALID_OPTIONS: () => createSigner({ ...base, region: 5 as never }),
  // A lone surrogate in a header hoisted to the presigned query cannot be percent-encoded (in a URL, the parser replaces it).
  SIGNING_FAILED: () => createSigner(base).presign({ url: API_URL, headers: { 'x-amz-meta-a': '\uD800' } }),
  // Only an adapter's retry throws it (proven in packages/fetch/test/retry.test.ts).
  BODY_NOT_REPLAYABLE: () => {
    throw new SigV4Error('BODY_NOT_REPLAYABLE', 'a stream body cannot be sent again');
  },
};

describe('errors', () => {
  it.each(Object.entries(TRIGGERS))('throws %s as a SigV4Error with that code', async (code, trigger) => {
    expect(await codeOf(trigger)).toBe(code);
  });

  it('rejects non-http URLs and explains what to pass', async () => {
    const error = await createSigner(base)
      .sign({ url: 'ftp://example.com/file' })
      .catch((e: unknown) => e);
    expect(isSigV4Error(error) && error.code).toBe('INVALID_URL');
    expect((error as Error).message).toMatch(/only http: and https:/);
  });

  it('checks option types, presign expiry, methods and the clock', async () => {
    expect(await codeOf(() => createSigner({ ...base, unsignedPayload: 'yes' as never }))).toBe('INVALID_OPTIONS');
    expect(await codeOf(() => createSigner({ ...base, service: '' }))).toBe('INVALID_OPTIONS');
    expect(await codeOf(() => createSigner(base).presign({ url: API_URL, expiresIn: 604_801 }))).toBe(
      'INVALID_OPTIONS',
    );
    expect(await codeOf(() => createSigner(base).presign({ url: API_URL, expiresIn: 1.5 }))).toBe('INVALID_OPTIONS');
    expect(await codeOf(() => createSigner(base).sign({ method: 'GET /x', url: API_URL }))).toBe('INVALID_OPTIONS');
    expect(await codeOf(() => createSigner({ ...base, now: () => Number.NaN }).sign({ url: API_URL }))).toBe(
      'INVALID_OPTIONS',
    );
    expect(await codeOf(() => createSigner(base).sign({ url: API_URL, headers: { 'x-a': {} as never } }))).toBe(
      'INVALID_OPTIONS',
    );
  });

  it('says in words what static credentials must hold, without their values', () => {
    for (const credentials of [{ accessKeyId: 'AKIDVALUE', secretAccessKey: '' }, { accessKeyId: 'AKIDVALUE' }, 5]) {
      let error: unknown;
      try {
        createSigner({ ...base, credentials: credentials as never });
      } catch (thrown) {
        error = thrown;
      }
      expect(isSigV4Error(error) && error.code).toBe('CREDENTIALS_INVALID');
      expect((error as Error).message).toContain(
        '`credentials` must be an object with non-empty `accessKeyId` and `secretAccessKey` strings, or a provider function',
      );
      expect((error as Error).message).not.toContain('AKIDVALUE');
    }
  });

  it.each([
    ['region', 5, 'a non-empty string'],
    ['service', '', 'a non-empty string'],
    ['credentialsTimeout', 1.5, 'a whole number of ms from 1 to 2147483647'],
    ['unsignedPayload', 'yes', 'a boolean'],
    ['now', 0, 'a function'],
  ])('says in words what option %s must be', (name, value, expected) => {
    expect(() => createSigner({ ...base, [name]: value })).toThrowError(`\`${name}\` must be ${expected}; see `);
  });

  it('is an Error with a fixed name, a code and a JSON form', () => {
    const error = new SigV4Error('INVALID_URL', 'bad url', { cause: new Error('inner') });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SigV4Error');
    expect(String(error)).toBe('SigV4Error: bad url');
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: 'SigV4Error', code: 'INVALID_URL', message: 'bad url' });
    expect((error.cause as Error).message).toBe('inner');
  });

  it('isSigV4Error recognizes errors from another copy of the package by name and code', () => {
    const foreign = Object.assign(new Error('x'), { name: 'SigV4Error', code: 'INVALID_URL' });
    expect(isSigV4Error(foreign)).toBe(true);
    expect(isSigV4Error(new Error('x'))).toBe(false);
    expect(isSigV4Error({ name: 'SigV4Error' })).toBe(false);
    expect(isSigV4Error(null)).toBe(false);
  });
});

describe('secrets', () => {
  const secretKey = fc.stringMatching(/^[A-Za-z0-9/+]{40}$/);
  const sessionToken = fc.stringMatching(/^[A-Za-z0-9/+=]{60,200}$/);

  /** Everything an error exposes: message, toString, JSON, cause and its stack, and util.inspect-like keys. */
  const everythingIn = (error: unknown): string => {
    const e = error as Error & { cause?: Error };
    return [
      e.message,
      String(e),
      JSON.stringify(e),
      e.stack,
      e.cause?.message,
      e.cause?.stack,
      JSON.stringify(e.cause),
      JSON.stringify(Object.entries(e)),
    ].join('\n');
  };

  it('masks the session token in explain by position only: a short secret or token leaves other text intact', async () => {
    const signer = createSigner({
      ...base,
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'x', sessionToken: 'amz' },
    });
    const info = await signer.explain({
      url: 'https://h.example.com/x-amz?amz=1&X-Amz-Security-Token=amz',
      headers: { 'x-amz-meta': 'x' },
    });
    expect(info.canonicalRequest.split('\n')).toEqual([
      'GET',
      '/x-amz',
      'X-Amz-Security-Token=[redacted]&amz=1',
      'host:h.example.com',
      'x-amz-date:20150830T123600Z',
      'x-amz-meta:x',
      'x-amz-security-token:[redacted]',
      '',
      'host;x-amz-date;x-amz-meta;x-amz-security-token',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ]);
  });

  it('does not mask a short secret inside its own messages (they never hold credentials)', async () => {
    const messageWith = async (secretAccessKey: string) => {
      const signer = createSigner({ ...base, credentials: { accessKeyId: 'AKID', secretAccessKey } });
      const error = await signer.sign({ method: 'POST', url: API_URL, body: 5 as never }).catch((e: unknown) => e);
      return (error as Error).message;
    };
    const message = await messageWith('B');
    expect(message).toBe(await messageWith('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'));
    expect(message).not.toContain('[redacted]');
  });

  it('masks a secret inside a provider error, or withholds the text when the secret is too short to mask', async () => {
    const failingAfterFirst = (secretAccessKey: string, failure: string) => {
      let calls = 0;
      return async () => {
        calls += 1;
        if (calls === 1) return { accessKeyId: 'AKID', secretAccessKey, expiration: new Date(0) };
        throw new Error(failure);
      };
    };
    const secret = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
    const long = createSigner({ ...base, credentials: failingAfterFirst(secret, `refresh failed for ${secret}`) });
    await long.sign({ url: API_URL });
    const longError = (await long.sign({ url: API_URL }).catch((e: unknown) => e)) as Error & { cause: Error };
    expect(longError.cause.message).toBe('refresh failed for [redacted]');
    expect(longError.message).toContain('refresh failed for [redacted]');

    const short = createSigner({ ...base, credentials: failingAfterFirst('sec', 'refresh failed: sec rejected') });
    await short.sign({ url: API_URL });
    const shortError = (await short.sign({ url: API_URL }).catch((e: unknown) => e)) as Error & { cause: Error };
    expect(shortError.cause.message).toMatch(/withheld/);
    expect(shortError.message).not.toContain('sec rejected');
    expect(shortError.cause.stack).not.toContain('sec rejected');
  });

  it('treats the text of a SigV4Error thrown by a provider as foreign', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
    let calls = 0;
    const signer = createSigner({
      ...base,
      credentials: async () => {
        calls += 1;
        if (calls === 1) return { accessKeyId: 'AKID', secretAccessKey: secret, expiration: new Date(0) };
        throw new SigV4Error('CREDENTIALS_MISSING', `no key besides ${secret}`);
      },
    });
    await signer.sign({ url: API_URL });
    const error = (await signer.sign({ url: API_URL }).catch((e: unknown) => e)) as SigV4Error;
    expect(error.code).toBe('CREDENTIALS_MISSING');
    expect(error.message).toBe('no key besides [redacted]');
  });

  it('never puts a secret key or session token in an error or in explain output', async () => {
    await fc.assert(
      fc.asyncProperty(
        secretKey,
        sessionToken,
        fc.integer({ min: 0, max: 5 }),
        async (secretAccessKey, token, scenario) => {
          const credentials = { accessKeyId: 'ASIAPROPERTYTEST', secretAccessKey, sessionToken: token };
          let calls = 0;
          // The first call succeeds; the next one fails with an error that quotes the secrets.
          const provider = async () => {
            calls += 1;
            if (calls === 1) return { ...credentials, expiration: new Date(0) };
            throw Object.assign(new Error(`refresh failed for ${secretAccessKey} / ${token}`), {
              token,
              code: `E_${secretAccessKey}`,
            });
          };
          const signer = createSigner({ ...base, credentials: provider });
          const info = await signer.explain({ url: API_URL, headers: { 'x-a': 'b' } });
          expect(JSON.stringify(info)).not.toContain(secretAccessKey);
          expect(JSON.stringify(info)).not.toContain(token);
          const attempts: (() => unknown)[] = [
            () => signer.sign({ url: API_URL }),
            () => signer.presign({ url: API_URL }),
            () => signer.explain({ url: API_URL }),
            () => signer.sign({ url: 'not a url' }),
            () => signer.sign({ method: 'POST', url: API_URL, body: { secretAccessKey } as never }),
            () => createSigner({ ...base, credentials: { accessKeyId: '', secretAccessKey, sessionToken: token } }),
          ];
          let error: unknown;
          try {
            await attempts[scenario]?.();
          } catch (e) {
            error = e;
          }
          expect(isSigV4Error(error)).toBe(true);
          const text = everythingIn(error);
          expect(text).not.toContain(secretAccessKey);
          expect(text).not.toContain(token);
        },
      ),
      { numRuns: 60 },
    );
  });
});
