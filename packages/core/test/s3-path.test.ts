/**
 * S3 paths are signed as S3 reads the key: each `%XX` decoded, a stray `%` a literal, every byte
 * encoded once; checked against botocore's S3SigV4Auth and the gateway in s3 mode.
 */

import { createSigner } from '@sigv4/core';
import { type Gateway, startGateway, TEST_CREDENTIALS } from '@sigv4/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botocoreSign, hasBotocore } from './support/botocore.js';
import { CREDENTIALS, FIXED_NOW } from './support/fixtures.js';

const s3 = createSigner({ region: 'us-east-1', service: 's3', credentials: CREDENTIALS, now: FIXED_NOW });

describe('S3 paths', () => {
  it('signs a path with a stray "%" as S3 reads the key: /t/%41%zz as /t/A%25zz', async () => {
    const info = await s3.explain({ url: 'https://s3.amazonaws.com/t/%41%zz' });
    expect(info.canonicalRequest.split('\n')[1]).toBe('/t/A%25zz');
    expect(info.signature).toBe((await s3.explain({ url: 'https://s3.amazonaws.com/t/A%25zz' })).signature);
  });

  it('keeps an encoded slash inside its segment and bytes that are not UTF-8 as they are', async () => {
    const info = await s3.explain({ url: 'https://s3.amazonaws.com/t/a%2Fb/%ff%C3%A9%7e%' });
    expect(info.canonicalRequest.split('\n')[1]).toBe('/t/a%2Fb/%FF%C3%A9~%25');
  });

  it.skipIf(!hasBotocore)('signs /t/%41%zz as botocore S3SigV4Auth signs the key "A%zz"', async () => {
    const expected = botocoreSign({
      mode: 's3',
      method: 'GET',
      url: 'https://s3.amazonaws.com/t/A%25zz',
      region: 'us-east-1',
      service: 's3',
      credentials: CREDENTIALS,
      date: FIXED_NOW(),
    });
    const signed = await s3.sign({ url: 'https://s3.amazonaws.com/t/%41%zz' });
    expect(signed.headers.authorization).toBe(expected.headers.authorization);
  });
});

describe('S3 paths against the gateway in s3 mode', () => {
  let gw: Gateway;
  beforeAll(async () => {
    gw = await startGateway({ service: 's3' });
  });
  afterAll(() => gw.close());

  it('accepts a request to a path with a stray "%"', async () => {
    const signer = createSigner({ region: gw.region, service: 's3', credentials: TEST_CREDENTIALS });
    const signed = await signer.sign({ url: `${gw.url}/t/%41%zz` });
    const res = await fetch(signed.url, { headers: signed.headers });
    expect(res.status, await res.text()).toBe(200);
    expect(gw.requests.at(-1)?.target.endsWith('/t/%41%zz')).toBe(true);
  });
});
