import { createSigner } from '@sigv4/core';
import { describe, expect, it } from 'vitest';
import { CREDENTIALS } from './support/fixtures.js';

const credentials = CREDENTIALS;

describe('header names that are also Object.prototype members', () => {
  it('signs `constructor`, `__proto__`, `valueOf` and `toString` headers as the values given', async () => {
    const signer = createSigner({ region: 'us-east-1', service: 'execute-api', credentials, now: () => 0 });
    const headers: Array<[string, string]> = [
      ['constructor', 'c'],
      ['__proto__', 'p'],
      ['valueOf', 'v'],
      ['toString', 't'],
    ];
    const signed = await signer.sign({ method: 'GET', url: 'https://example.com/', headers });
    expect(
      Object.entries(signed.headers).filter(([name]) => !name.startsWith('x-amz') && name !== 'authorization'),
    ).toEqual([
      ['constructor', 'c'],
      ['__proto__', 'p'],
      ['valueof', 'v'],
      ['tostring', 't'],
    ]);
    expect(signed.headers.authorization).toContain(
      'SignedHeaders=__proto__;constructor;host;tostring;valueof;x-amz-date',
    );
    const explained = await signer.explain({ method: 'GET', url: 'https://example.com/', headers });
    expect(explained.canonicalRequest).toContain(
      '__proto__:p\nconstructor:c\nhost:example.com\ntostring:t\nvalueof:v\n',
    );
  });
});
