/**
 * Cross-check against an independent signer: requests signed by botocore's SigV4Auth must be
 * accepted by the gateway's verifier, and refused once one byte of what was signed changes.
 * Skips with a message where python3-botocore is not installed (.ci/run installs it).
 */

import { type RawHttpRequest, verifyRequest } from '@sigv4/gateway';
import { describe, expect, it } from 'vitest';
import {
  type BotocoreCase,
  botocoreCases,
  CROSS_CHECK_CREDENTIALS,
  CROSS_CHECK_TIME,
  hasBotocore,
} from '../../../../test-support/botocore/random-requests.js';

function asReceived(c: BotocoreCase): RawHttpRequest {
  const url = new URL(c.url);
  const target = c.url.slice(url.origin.length) || '/';
  const rawHeaders: Array<[string, string]> = [
    ['Host', c.host],
    ...Object.entries(c.headers).map(([k, v]) => [k, v.trim()] as [string, string]),
    ...Object.entries(c.botocoreHeaders).map(([k, v]) => [k, v] as [string, string]),
  ];
  return { method: c.method, target, rawHeaders, body: c.body ?? new Uint8Array() };
}

function verify(c: BotocoreCase, request: RawHttpRequest) {
  return verifyRequest(request, {
    region: c.region,
    service: c.service,
    credentials: [{ ...CROSS_CHECK_CREDENTIALS, ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}) }],
    now: () => CROSS_CHECK_TIME,
  });
}

describe.skipIf(!hasBotocore)('botocore cross-check', () => {
  const cases = hasBotocore ? botocoreCases(300, 424242) : [];

  it('accepts 300 random requests signed by botocore SigV4Auth', () => {
    const refused = cases
      .map((c) => ({ c, result: verify(c, asReceived(c)) }))
      .filter(({ result }) => !result.ok)
      .map(({ c, result }) => `${c.method} ${c.url}: ${JSON.stringify(result).slice(0, 600)}`);
    expect(refused, refused.slice(0, 3).join('\n')).toEqual([]);
  });

  it('refuses each of those requests once its body, path or a signed header changes', () => {
    for (const c of cases) {
      const request = asReceived(c);
      const tampered: RawHttpRequest[] = [
        { ...request, body: Uint8Array.from([...request.body, 0x20]) },
        { ...request, target: request.target.replace(/^\//, '/x') },
        { ...request, rawHeaders: request.rawHeaders.map(([k, v]) => [k, k === 'Host' ? `a${v}` : v]) },
      ];
      for (const t of tampered) {
        const result = verify(c, t);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errorType).toBe('InvalidSignatureException');
      }
    }
  });

  it('accepts 200 random requests signed by botocore S3SigV4Auth (S3 path rules, hashed payload) and refuses them tampered', () => {
    for (const c of botocoreCases(200, 2849, 's3')) {
      const request = asReceived(c);
      const result = verify(c, request);
      expect(result, `${c.method} ${c.url}: ${JSON.stringify(result).slice(0, 600)}`).toMatchObject({
        ok: true,
        via: 'header',
      });
      expect(verify(c, { ...request, target: request.target.replace(/^\//, '/x') }).ok).toBe(false);
    }
  });

  it('accepts 200 random URLs presigned by botocore SigV4QueryAuth within their expiry, and refuses them after it', () => {
    for (const c of botocoreCases(200, 7, 'presign')) {
      const request = asReceived(c);
      const fresh = verify(c, request);
      expect(fresh, `${c.url}: ${JSON.stringify(fresh).slice(0, 400)}`).toMatchObject({ ok: true, via: 'query' });
      const late = verifyRequest(request, {
        region: c.region,
        service: c.service,
        credentials: [{ ...CROSS_CHECK_CREDENTIALS, ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}) }],
        now: () => CROSS_CHECK_TIME + (c.expiresIn + 1) * 1000 + 5 * 60_000,
      });
      expect(late.ok).toBe(false);
    }
  });
});

it.runIf(!hasBotocore)('skips the botocore cross-check where python3-botocore is not installed', () => {
  expect(hasBotocore).toBe(false);
});
