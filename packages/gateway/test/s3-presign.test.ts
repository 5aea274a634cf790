import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { createSigner, type Signer } from '@sigv4/core';
import { type Gateway, startGateway, TEST_CREDENTIALS, verifyRequest } from '@sigv4/gateway';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBotocore } from '../../../test-support/botocore/random-requests.js';

/**
 * S3 presigned URLs: S3 query auth signs the payload as `UNSIGNED-PAYLOAD` (AWS S3 docs,
 * "Authenticating Requests: Using Query Parameters"), unless the URL carries an
 * `X-Amz-Content-Sha256` parameter, whose value is then the payload hash.
 */
const FIXED_NOW = Date.parse('2026-01-15T12:00:00Z');
let gw: Gateway;
let signer: Signer;
beforeAll(async () => {
  gw = await startGateway({ service: 's3', now: () => FIXED_NOW });
  signer = createSigner({ region: gw.region, service: 's3', credentials: TEST_CREDENTIALS, now: () => FIXED_NOW });
});
afterAll(() => gw.close());

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Presigns with @smithy/signature-v4 as the AWS SDK's S3 presigner does (path not re-encoded). */
async function smithyS3Presign(url: URL, method: string, headers: Record<string, string>): Promise<string> {
  const smithy = new SignatureV4({
    credentials: TEST_CREDENTIALS,
    region: gw.region,
    service: 's3',
    sha256: Sha256,
    uriEscapePath: false,
  });
  const signed = await smithy.presign(
    {
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: {},
      headers: { host: url.host, ...headers },
    },
    { expiresIn: 300, signingDate: new Date(FIXED_NOW) },
  );
  const search = Object.entries(signed.query ?? {}).map(
    ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`,
  );
  return `${url.origin}${url.pathname}?${search.join('&')}`;
}

describe('s3 presigned URLs', () => {
  it('accepts a GET URL presigned by core, signed over UNSIGNED-PAYLOAD', async () => {
    const res = await fetch(await signer.presign({ url: `${gw.url}/obj` }));
    expect(res.status, await res.text()).toBe(200);
  });

  it('accepts a presigned PUT whatever body its holder sends', async () => {
    const link = await signer.presign({ url: `${gw.url}/obj%20key.txt`, method: 'PUT' });
    for (const body of ['zz', 'another body']) {
      const res = await fetch(link, { method: 'PUT', body });
      expect(res.status, await res.text()).toBe(200);
      expect(Buffer.from(gw.requests.at(-1)?.body ?? []).toString()).toBe(body);
    }
  });

  it('rebuilds a canonical request that ends with UNSIGNED-PAYLOAD', async () => {
    const link = new URL(await signer.presign({ url: `${gw.url}/obj`, method: 'PUT' }));
    const result = verifyRequest(
      {
        method: 'PUT',
        target: `${link.pathname}${link.search}`,
        rawHeaders: [['Host', link.host]],
        body: Buffer.from('data'),
      },
      { region: gw.region, service: 's3', credentials: [TEST_CREDENTIALS], now: () => FIXED_NOW },
    );
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(result.canonicalRequest?.split('\n').at(-1)).toBe('UNSIGNED-PAYLOAD');
  });

  it('signs the value of an X-Amz-Content-Sha256 query parameter as the payload hash, and holds the body to it', async () => {
    const link = await smithyS3Presign(new URL(`${gw.url}/obj`), 'PUT', { 'X-Amz-Content-Sha256': sha256('exact') });
    expect(new URL(link).searchParams.get('X-Amz-Content-Sha256')).toBe(sha256('exact'));
    const good = await fetch(link, { method: 'PUT', body: 'exact' });
    expect(good.status, await good.text()).toBe(200);
    const other = await fetch(link, { method: 'PUT', body: 'other' });
    expect(other.status).toBe(403);
    expect(await other.json()).toEqual({
      message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
    });
  });

  it('accepts a URL presigned the way the AWS SDK S3 presigner does (unsigned x-amz-content-sha256 header kept out)', async () => {
    const smithy = new SignatureV4({
      credentials: TEST_CREDENTIALS,
      region: gw.region,
      service: 's3',
      sha256: Sha256,
      uriEscapePath: false,
    });
    const url = new URL(`${gw.url}/photos/cat.jpg`);
    const signed = await smithy.presign(
      {
        method: 'GET',
        protocol: url.protocol,
        hostname: url.hostname,
        port: Number(url.port),
        path: url.pathname,
        query: {},
        headers: { host: url.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      },
      {
        expiresIn: 300,
        signingDate: new Date(FIXED_NOW),
        unhoistableHeaders: new Set(['x-amz-content-sha256']),
        unsignableHeaders: new Set(['x-amz-content-sha256']),
      },
    );
    const search = Object.entries(signed.query ?? {}).map(
      ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`,
    );
    const res = await fetch(`${url.origin}${url.pathname}?${search.join('&')}`);
    expect(res.status, await res.text()).toBe(200);
  });

  it('still hashes the body of presigned execute-api requests', async () => {
    const api = await startGateway({ now: () => FIXED_NOW });
    try {
      const s = createSigner({
        region: api.region,
        service: api.service,
        credentials: TEST_CREDENTIALS,
        now: () => FIXED_NOW,
      });
      const link = new URL(await s.presign({ url: `${api.url}/obj` }));
      const result = verifyRequest(
        {
          method: 'GET',
          target: `${link.pathname}${link.search}`,
          rawHeaders: [['Host', link.host]],
          body: new Uint8Array(),
        },
        { region: api.region, service: api.service, credentials: [TEST_CREDENTIALS], now: () => FIXED_NOW },
      );
      expect(result.ok).toBe(true);
      expect(result.canonicalRequest?.split('\n').at(-1)).toBe(sha256(''));
    } finally {
      await api.close();
    }
  });
});

/** botocore's S3SigV4QueryAuth, the signer boto3's generate_presigned_url uses. */
function botocoreS3Presign(url: string, method: string): string {
  const script = `
import datetime, json, sys
import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
c = json.load(sys.stdin)
moment = datetime.datetime.strptime(c['amzDate'], '%Y%m%dT%H%M%SZ')
class Fixed(datetime.datetime):
    @classmethod
    def utcnow(cls):
        return moment
botocore.auth.datetime.datetime = Fixed
request = AWSRequest(method=c['method'], url=c['url'])
botocore.auth.S3SigV4QueryAuth(Credentials(c['accessKeyId'], c['secretAccessKey']), 's3', c['region'], expires=300).add_auth(request)
print(request.prepare().url)
`;
  const input = {
    ...TEST_CREDENTIALS,
    url,
    method,
    region: gw.region,
    amzDate: new Date(FIXED_NOW).toISOString().replace(/[-:]|\.\d{3}/g, ''),
  };
  const run = spawnSync('/usr/bin/python3', ['-c', script], { input: JSON.stringify(input), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`botocore failed: ${run.stderr}`);
  return run.stdout.trim();
}

describe.skipIf(!hasBotocore)('s3 presigned URLs from botocore', () => {
  it('accepts GET and PUT URLs presigned by botocore S3SigV4QueryAuth', async () => {
    for (const method of ['GET', 'PUT']) {
      const res = await fetch(
        botocoreS3Presign(`${gw.url}/reports/2026.csv`, method),
        method === 'PUT' ? { method, body: 'a,b' } : {},
      );
      expect(res.status, await res.text()).toBe(200);
    }
  });
});
