/**
 * Cross-check against an independent signer: botocore's SigV4Auth. Random requests (paths,
 * queries and headers with reserved, unicode and whitespace characters, bodies, session tokens)
 * are signed by botocore and by `createSigner`; the Authorization headers must be identical.
 * Skips with a message where python3-botocore is not installed (.ci/run installs it).
 */

import { createSigner } from '@sigv4/core';
import { describe, expect, it } from 'vitest';
import {
  type BotocoreCase,
  botocoreCases,
  CROSS_CHECK_AMZ_DATE,
  CROSS_CHECK_CREDENTIALS,
  CROSS_CHECK_TIME,
  hasBotocore,
} from '../../../../test-support/botocore/random-requests.js';

/** A signer with the case's region, service (`s3` in S3 cases), credentials and botocore's clock. */
const signerFor = (c: BotocoreCase) =>
  createSigner({
    region: c.region,
    service: c.service,
    credentials: { ...CROSS_CHECK_CREDENTIALS, ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}) },
    now: () => CROSS_CHECK_TIME,
  });

describe.skipIf(!hasBotocore)('botocore cross-check', () => {
  it('signs 300 random requests exactly as botocore SigV4Auth does', async () => {
    const mismatches: string[] = [];
    for (const c of botocoreCases(300)) {
      const signer = signerFor(c);
      const signed = await signer.sign({
        method: c.method,
        url: c.url,
        headers: c.headers,
        ...(c.body === undefined ? {} : { body: c.body }),
      });
      expect(signed.url).toBe(c.url);
      expect(signed.headers['x-amz-date']).toBe(CROSS_CHECK_AMZ_DATE);
      expect(signed.headers['x-amz-security-token']).toBe(c.botocoreHeaders['x-amz-security-token']);
      if (signed.headers.authorization !== c.botocoreHeaders.authorization) {
        mismatches.push(
          `${c.method} ${c.url} ${JSON.stringify(c.headers)}\n  ours:     ${signed.headers.authorization}\n  botocore: ${c.botocoreHeaders.authorization}`,
        );
      }
    }
    expect(mismatches, mismatches.slice(0, 5).join('\n')).toEqual([]);
  });

  it('presigns 200 random GET requests with the signature botocore SigV4QueryAuth computes', async () => {
    const mismatches: string[] = [];
    for (const c of botocoreCases(200, 7, 'presign')) {
      const signer = signerFor(c);
      // botocore's URL minus its X-Amz-* parameters is the request it was asked to presign.
      const [base = '', query = ''] = c.url.split('?');
      const own = query.split('&').filter((pair) => pair !== '' && !pair.startsWith('X-Amz-'));
      const unsigned = own.length ? `${base}?${own.join('&')}` : base;
      const link = new URL(
        await signer.presign({ method: 'GET', url: unsigned, headers: c.headers, expiresIn: c.expiresIn }),
      );
      const expected = new URL(c.url);
      for (const name of [
        'X-Amz-Signature',
        'X-Amz-SignedHeaders',
        'X-Amz-Expires',
        'X-Amz-Credential',
        'X-Amz-Security-Token',
      ]) {
        if (link.searchParams.get(name) !== expected.searchParams.get(name)) {
          mismatches.push(
            `${unsigned} ${name}: ours ${link.searchParams.get(name)} botocore ${expected.searchParams.get(name)}`,
          );
        }
      }
    }
    expect(mismatches, mismatches.slice(0, 5).join('\n')).toEqual([]);
  });

  it('signs 200 random S3 requests exactly as botocore S3SigV4Auth does (no double encoding, content hash signed)', async () => {
    const mismatches: string[] = [];
    for (const c of botocoreCases(200, 99, 's3')) {
      const signer = signerFor(c);
      const signed = await signer.sign({
        method: c.method,
        url: c.url,
        headers: c.headers,
        ...(c.body === undefined ? {} : { body: c.body }),
      });
      expect(signed.headers['x-amz-content-sha256']).toBe(c.botocoreHeaders['x-amz-content-sha256']);
      if (signed.headers.authorization !== c.botocoreHeaders.authorization) {
        mismatches.push(
          `${c.method} ${c.url}\n  ours:     ${signed.headers.authorization}\n  botocore: ${c.botocoreHeaders.authorization}`,
        );
      }
    }
    expect(mismatches, mismatches.slice(0, 5).join('\n')).toEqual([]);
  });
});

it.runIf(!hasBotocore)('skips the botocore cross-check where python3-botocore is not installed', () => {
  expect(hasBotocore).toBe(false);
});
