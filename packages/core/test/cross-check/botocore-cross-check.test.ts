/**
 * Cross-check against an independent signer: botocore's SigV4Auth (Debian's python3-botocore).
 * Random requests (paths, queries and headers with reserved, unicode and whitespace characters,
 * bodies, session tokens) are signed by botocore and by `createSigner`; the Authorization
 * headers must be identical. Skips with a message where python3-botocore is not installed
 * (.ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSigner } from '@sigv4/core';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./botocore_sign.py', import.meta.url));
const hasBotocore = spawnSync(PYTHON, ['-c', 'import botocore'], { stdio: 'ignore' }).status === 0;

const AMZ_DATE = '20240229T235959Z';
const SIGNING_TIME = Date.UTC(2024, 1, 29, 23, 59, 59);

const tricky = fc.constantFrom(
  ...' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', 'é', 'ß', 'ሴ', '😀', '中', 'a', 'Z', '0', '-', '_', '.', '~',
);
const text = (minLength: number) => fc.string({ unit: fc.oneof(tricky, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), minLength, maxLength: 12 });

/** RFC 3986 encoding of one path segment, leaving some sub-delims raw as browsers do. */
const segment = fc.tuple(text(1), fc.boolean()).map(([s, keepSubDelims]) => {
  const encoded = encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return keepSubDelims ? encoded.replace(/%(24|2C|3B|3D|40|3A)/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : encoded;
}).filter((s) => s !== '.' && s !== '..');

const headerName = fc.stringMatching(/^x-[a-zA-Z0-9-]{1,12}$/);
const headerValue = fc.stringMatching(/^[ -~\t]{0,24}$/).filter((v) => v.trim().length > 0);

const requestCase = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
  host: fc.constantFrom('abc123.execute-api.eu-central-1.amazonaws.com', '127.0.0.1:8443', 'example.com'),
  segments: fc.array(segment, { maxLength: 4 }),
  trailingSlash: fc.boolean(),
  params: fc.array(fc.tuple(text(1), text(0)), { maxLength: 5 }),
  headers: fc.dictionary(headerName, headerValue, { maxKeys: 4 }),
  body: fc.option(fc.uint8Array({ maxLength: 64 }), { nil: undefined }),
  sessionToken: fc.option(fc.stringMatching(/^[A-Za-z0-9+/=]{8,40}$/), { nil: undefined }),
  region: fc.constantFrom('us-east-1', 'eu-central-1', 'cn-north-1'),
  service: fc.constantFrom('execute-api', 'lambda', 'es', 'appsync'),
});

describe.skipIf(!hasBotocore)('botocore cross-check', () => {
  it('signs 300 random requests exactly as botocore SigV4Auth does', async () => {
    const cases = fc.sample(requestCase, { seed: 20241125, numRuns: 300 }).map((c) => {
      // Lower-case duplicates would be merged differently by a dict; keep names unique case-insensitively.
      const headers = Object.fromEntries(
        [...new Map(Object.entries(c.headers).map(([k, v]) => [k.toLowerCase(), [k, v] as const])).values()],
      );
      const path = `/${c.segments.join('/')}${c.trailingSlash && c.segments.length ? '/' : ''}`;
      return { ...c, headers, url: `https://${c.host}${path}` };
    });
    const input = cases.map((c) => ({
      amzDate: AMZ_DATE,
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      sessionToken: c.sessionToken,
      method: c.method,
      url: c.url,
      params: c.params,
      headers: c.headers,
      body: c.body === undefined ? undefined : Buffer.from(c.body).toString('base64'),
      region: c.region,
      service: c.service,
    }));
    const run = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify(input), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const expected = JSON.parse(run.stdout) as Array<{ url: string; headers: Record<string, string> }>;

    const mismatches: string[] = [];
    for (const [i, c] of cases.entries()) {
      const botocore = expected[i]!;
      const signer = createSigner({
        region: c.region,
        service: c.service,
        credentials: {
          accessKeyId: 'AKIDEXAMPLE',
          secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
          ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
        },
        now: () => SIGNING_TIME,
      });
      const signed = await signer.sign({
        method: c.method,
        url: botocore.url,
        headers: c.headers,
        ...(c.body === undefined ? {} : { body: c.body }),
      });
      expect(signed.url).toBe(botocore.url);
      expect(signed.headers['x-amz-date']).toBe(AMZ_DATE);
      if (signed.headers.authorization !== botocore.headers.authorization) {
        mismatches.push(`${c.method} ${botocore.url} ${JSON.stringify(c.headers)}\n  ours:     ${signed.headers.authorization}\n  botocore: ${botocore.headers.authorization}`);
      }
    }
    expect(mismatches, mismatches.slice(0, 5).join('\n')).toEqual([]);
  });
});

it.runIf(!hasBotocore)('botocore cross-check is skipped: install python3-botocore (apt-get install -y python3-botocore)', () => {
  expect(hasBotocore).toBe(false);
});
