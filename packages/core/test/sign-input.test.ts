import { createSigner, SigV4Error } from '@sigv4/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_URL, CREDENTIALS, FIXED_NOW } from './support/fixtures.js';

const signer = createSigner({
  region: 'eu-central-1',
  service: 'execute-api',
  credentials: CREDENTIALS,
  now: FIXED_NOW,
});

async function errorOf(run: () => Promise<unknown>): Promise<SigV4Error> {
  try {
    await run();
  } catch (error) {
    if (error instanceof SigV4Error) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('sign() input', () => {
  it('refuses a method that is not a string with INVALID_OPTIONS naming it', async () => {
    const error = await errorOf(() => signer.sign({ url: API_URL, method: 5 as never }));
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.message).toContain('request.method');
    expect(error.message).toContain('not a number');
  });

  it('refuses headers of the wrong type with INVALID_OPTIONS', async () => {
    const cases: unknown[] = [
      5,
      'x-a: b',
      { 'x-a': {} },
      [[1, 'b']],
      {
        'x-a': [
          {
            toString: () => {
              throw new Error('no');
            },
          },
        ],
      },
    ];
    for (const headers of cases) {
      const error = await errorOf(() => signer.sign({ url: API_URL, headers: headers as never }));
      expect(error.code).toBe('INVALID_OPTIONS');
      expect(error.message).toMatch(/header/i);
    }
  });

  it('refuses a request whose field getter throws with INVALID_OPTIONS naming the field', async () => {
    const request = {
      url: API_URL,
      get headers(): never {
        throw new Error('boom');
      },
    };
    const error = await errorOf(() => signer.sign(request));
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.message).toContain('request.headers');
  });

  it('refuses the caller’s own Authorization header in sign(), explain() and presign()', async () => {
    for (const headers of [
      { Authorization: 'Bearer abc' },
      new Headers({ authorization: 'Basic dXNlcjpwYXNz' }),
      [['authorization', 'AWS4-HMAC-SHA256 Credential=AKID/x']] as [string, string][],
    ]) {
      for (const run of [
        () => signer.sign({ url: API_URL, headers }),
        () => signer.explain({ url: API_URL, headers }),
        () => signer.presign({ url: API_URL, headers }),
      ]) {
        const error = await errorOf(run);
        expect(error.code).toBe('INVALID_OPTIONS');
        expect(error.message).toContain('Authorization');
      }
    }
  });

  it('replaces the signature of an earlier signing (a retry) instead of refusing it', async () => {
    const first = await signer.sign({ url: API_URL, headers: { 'x-a': 'b' } });
    const again = await signer.sign({ url: API_URL, headers: first.headers });
    expect(again.headers.authorization).toBe(first.headers.authorization);
  });

  it('rejects every malformed request with a SigV4Error, never an internal TypeError', async () => {
    const headerValue = fc.oneof(fc.string(), fc.integer(), fc.array(fc.string()), fc.anything());
    const request = fc.oneof(
      fc.anything(),
      fc.record(
        {
          method: fc.oneof(fc.constantFrom('GET', 'post', 'PUT'), fc.anything()),
          url: fc.oneof(fc.constant(API_URL), fc.webUrl(), fc.anything()),
          headers: fc.oneof(
            fc.dictionary(fc.string(), headerValue),
            fc.array(fc.tuple(fc.anything(), fc.anything())),
            fc.anything(),
          ),
          body: fc.oneof(fc.string(), fc.uint8Array(), fc.anything()),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        for (const run of [
          () => signer.sign(input as never),
          () => signer.explain(input as never),
          () => signer.presign(input as never),
        ]) {
          try {
            await run();
          } catch (error) {
            expect(error).toBeInstanceOf(SigV4Error);
            expect((error as SigV4Error).code).not.toBe('SIGNING_FAILED');
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
