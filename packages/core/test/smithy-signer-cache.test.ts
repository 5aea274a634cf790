import { createSigner } from '@sigv4/core';
import { describe, expect, it, vi } from 'vitest';
import { MAX_CACHED_HOSTS } from '../src/signer/infer-target.js';
import * as smithy from '../src/signer/smithy-signer.js';
import { CREDENTIALS, FIXED_NOW } from './support/fixtures.js';

vi.mock('../src/signer/smithy-signer.js', async (importOriginal) => {
  const actual = await importOriginal<typeof smithy>();
  return { ...actual, createSmithySigner: vi.fn(actual.createSmithySigner) };
});

describe('smithy signers kept by a signer', () => {
  it('are shared by the hosts of one region and service, such as two S3 bucket hosts', async () => {
    const created = vi.mocked(smithy.createSmithySigner);
    created.mockClear();
    const signer = createSigner({ credentials: CREDENTIALS, now: FIXED_NOW });
    const first = await signer.sign({ url: 'https://bucket-a.s3.eu-central-1.amazonaws.com/key' });
    const second = await signer.sign({ url: 'https://bucket-b.s3.eu-central-1.amazonaws.com/key' });
    expect(first.headers.authorization).toContain('/eu-central-1/s3/aws4_request');
    expect(second.headers.authorization).toContain('/eu-central-1/s3/aws4_request');
    expect(created).toHaveBeenCalledTimes(1);
  });

  it('stay bounded however many services it signs for, keeping the latest ones', async () => {
    const created = vi.mocked(smithy.createSmithySigner);
    created.mockClear();
    const signer = createSigner({ region: 'eu-central-1', credentials: CREDENTIALS, now: FIXED_NOW });
    const signFor = (service: string) => signer.sign({ url: `https://${service}.eu-central-1.amazonaws.com/` });
    const count = MAX_CACHED_HOSTS * 3;
    for (let i = 0; i < count; i++) await signFor(`svc${i}`);
    expect(created).toHaveBeenCalledTimes(count);
    await signFor(`svc${count - 1}`);
    expect(created).toHaveBeenCalledTimes(count);
    const again = await signFor('svc0');
    expect(created).toHaveBeenCalledTimes(count + 1);
    expect(again.headers.authorization).toContain('/eu-central-1/svc0/aws4_request');
  });
});
