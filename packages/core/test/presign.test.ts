import { createSigner, isSigV4Error } from '@sigv4/core';
import { describe, expect, it } from 'vitest';
import { API_URL, CREDENTIALS, FIXED_NOW, TEMP_CREDENTIALS } from './support/fixtures.js';

const signer = createSigner({
  region: 'eu-central-1',
  service: 'execute-api',
  credentials: TEMP_CREDENTIALS,
  now: FIXED_NOW,
});

describe('presign', () => {
  it('defaults to GET and 900 seconds and adds the session token', async () => {
    const link = new URL(await signer.presign({ url: API_URL }));
    expect(link.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(link.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(link.searchParams.get('X-Amz-Credential')).toBe(
      'ASIAEXAMPLE/20150830/eu-central-1/execute-api/aws4_request',
    );
    expect(link.searchParams.get('X-Amz-Date')).toBe('20150830T123600Z');
    expect(link.searchParams.get('X-Amz-Security-Token')).toBe(TEMP_CREDENTIALS.sessionToken);
    expect(link.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(link.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the URL as written, appends the parameters and drops the fragment', async () => {
    const url = `${API_URL}/a%20b?x=1+2&y=#top`;
    const link = await signer.presign({ url, expiresIn: 60 });
    expect(link.startsWith(`${API_URL}/a%20b?x=1+2&y=&X-Amz-Algorithm=`)).toBe(true);
    expect(link).not.toContain('#');
  });

  it('moves x-amz-* headers into the query and signs the other headers', async () => {
    const link = new URL(
      await signer.presign({
        method: 'PUT',
        url: API_URL,
        headers: { 'x-amz-meta-a': 'b c', 'content-type': 'text/plain' },
      }),
    );
    expect(link.searchParams.get('x-amz-meta-a')).toBe('b c');
    expect(link.searchParams.get('X-Amz-SignedHeaders')).toBe('content-type;host');
  });

  it('replaces the X-Amz-* parameters of an earlier presigning and keeps the rest of the query', async () => {
    const url = `${API_URL}?b=2&x-amz-meta-a=1&a=1`;
    const first = await signer.presign({ url, expiresIn: 60 });
    const later = createSigner({
      region: 'eu-central-1',
      service: 'execute-api',
      credentials: TEMP_CREDENTIALS,
      now: () => Date.UTC(2015, 7, 31),
    });
    const again = await later.presign({ url: first, expiresIn: 300 });
    expect(again).toBe(await later.presign({ url, expiresIn: 300 }));
    expect(new URL(again).searchParams.getAll('X-Amz-Signature')).toHaveLength(1);
    expect(again.startsWith(`${url}&X-Amz-Algorithm=`)).toBe(true);
  });

  it('signs differently for a different method, expiry or time', async () => {
    const a = await signer.presign({ url: API_URL });
    const b = await signer.presign({ url: API_URL, method: 'DELETE' });
    const c = await signer.presign({ url: API_URL, expiresIn: 901 });
    const d = await createSigner({
      region: 'eu-central-1',
      service: 'execute-api',
      credentials: CREDENTIALS,
      now: () => 0,
    }).presign({ url: API_URL });
    const signatures = new Set([a, b, c, d].map((link) => new URL(link).searchParams.get('X-Amz-Signature')));
    expect(signatures.size).toBe(4);
  });
  it('hashes the body of a non-S3 presign even with unsignedPayload: true, and refuses a stream body', async () => {
    const options = { region: 'eu-central-1', service: 'execute-api', credentials: CREDENTIALS, now: FIXED_NOW };
    const unsigned = createSigner({ ...options, unsignedPayload: true });
    const hashed = createSigner(options);
    expect(await unsigned.presign({ url: API_URL })).toBe(await hashed.presign({ url: API_URL }));
    expect(await unsigned.presign({ method: 'PUT', url: API_URL, body: 'abc' })).toBe(
      await hashed.presign({ method: 'PUT', url: API_URL, body: 'abc' }),
    );
    expect(await unsigned.presign({ method: 'PUT', url: API_URL, body: 'abc' })).not.toBe(
      await hashed.presign({ method: 'PUT', url: API_URL, body: 'abd' }),
    );

    const error = await unsigned
      .presign({ method: 'PUT', url: API_URL, body: new ReadableStream() })
      .catch((e: unknown) => e);
    expect(isSigV4Error(error) && error.code).toBe('UNSUPPORTED_BODY');
    expect((error as Error).message).toMatch(/presign/);
  });

  it('keeps UNSIGNED-PAYLOAD for S3 presigned URLs, stream bodies included', async () => {
    const options = { region: 'eu-central-1', service: 's3', credentials: CREDENTIALS, now: FIXED_NOW };
    const url = 'https://bucket.s3.eu-central-1.amazonaws.com/key.txt';
    const unsigned = createSigner({ ...options, unsignedPayload: true });
    const link = await unsigned.presign({ method: 'PUT', url, body: new ReadableStream() });
    expect(link).toBe(await createSigner(options).presign({ method: 'PUT', url }));
    expect(new URL(link).searchParams.has('X-Amz-Content-Sha256')).toBe(false);
  });
});
