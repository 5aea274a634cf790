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
  it('stay bounded however many services it signs for, keeping the latest ones', async () => {
    const created = vi.mocked(smithy.createSmithySigner);
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
