/**
 * S3 presigned URLs sign UNSIGNED-PAYLOAD whatever body is passed (botocore's S3SigV4QueryAuth, S3's
 * query auth), checked against botocore and the gateway in s3 mode.
 */

import { createSigner } from '@sigv4/core';
import { type Gateway, startGateway, TEST_CREDENTIALS } from '@sigv4/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botocoreSign, hasBotocore } from './support/botocore.js';
import { CREDENTIALS, FIXED_NOW } from './support/fixtures.js';

const s3 = createSigner({ region: 'us-east-1', service: 's3', credentials: CREDENTIALS, now: FIXED_NOW });

const URL_ = 'https://b.s3.amazonaws.com/k';

const queryNames = (link: string) => [...new URL(link).searchParams.keys()].map((name) => name.toLowerCase());

describe('S3 presigned URLs with a body', () => {
  it.each(['abc', ''])(
    'presign a PUT with body %j as UNSIGNED-PAYLOAD: the same link as without a body',
    async (body) => {
      const link = await s3.presign({ method: 'PUT', url: URL_, body });
      expect(link).toBe(await s3.presign({ method: 'PUT', url: URL_ }));
      expect(queryNames(link)).not.toContain('x-amz-content-sha256');
      expect(new URL(link).searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    },
  );

  it('presigns a stream body for S3 too (the body is not read)', async () => {
    const link = await s3.presign({ method: 'PUT', url: URL_, body: new ReadableStream() });
    expect(link).toBe(await s3.presign({ method: 'PUT', url: URL_ }));
  });

  it.skipIf(!hasBotocore)('gives the signature botocore S3SigV4QueryAuth gives, for bodies "abc" and ""', async () => {
    const expected = botocoreSign({
      mode: 's3-presign',
      method: 'PUT',
      url: URL_,
      region: 'us-east-1',
      service: 's3',
      expires: 900,
      credentials: CREDENTIALS,
      date: FIXED_NOW(),
    });
    for (const body of ['abc', '']) {
      const link = new URL(await s3.presign({ method: 'PUT', url: URL_, body }));
      expect(link.searchParams.get('X-Amz-Signature')).toBe(new URL(expected.url).searchParams.get('X-Amz-Signature'));
    }
  });
});

describe('S3 presigned URLs against the gateway in s3 mode', () => {
  let gw: Gateway;
  beforeAll(async () => {
    gw = await startGateway({ service: 's3' });
  });
  afterAll(() => gw.close());

  it('accepts a PUT link presigned with a body, whatever body is then sent', async () => {
    const signer = createSigner({ region: gw.region, service: 's3', credentials: TEST_CREDENTIALS });
    for (const presignedWith of ['abc', '']) {
      const link = await signer.presign({ method: 'PUT', url: `${gw.url}/k`, body: presignedWith });
      for (const body of ['abc', 'other']) {
        const res = await fetch(link, { method: 'PUT', body });
        expect(res.status, await res.text()).toBe(200);
      }
    }
  });
});
