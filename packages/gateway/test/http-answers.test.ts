import { type Gateway, type ProxyEvent, startGateway, TEST_CREDENTIALS } from '@sigv4/gateway';
import { describe, expect, it } from 'vitest';
import { startGatewayPerTest } from '../../../test-support/gateway.js';
import { smithyPresign, smithySign } from './support/smithy-sign.js';

const start = startGatewayPerTest();

const sign = (
  g: Gateway,
  path: string,
  extra: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> } = {},
) =>
  smithySign({ url: `${g.url}${path}`, credentials: TEST_CREDENTIALS, region: g.region, service: g.service, ...extra });

async function errorOf(res: Response): Promise<{ status: number; type: string | null; message: string }> {
  const { message } = (await res.json()) as { message: string };
  return { status: res.status, type: res.headers.get('x-amzn-errortype'), message };
}

describe('presigned URLs', () => {
  it('accepts a URL presigned by @smithy/signature-v4 and refuses it once X-Amz-Expires has passed', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const g = await start({ now: () => now });
    const url = await smithyPresign({
      url: `${g.url}/report?year=2026`,
      credentials: TEST_CREDENTIALS,
      region: g.region,
      service: g.service,
      expiresIn: 60,
      signingDate: new Date(now),
    });
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ params: { year: '2026', 'X-Amz-Expires': '60' } });
    now += 61_000;
    expect(await errorOf(await fetch(url))).toEqual({
      status: 403,
      type: 'InvalidSignatureException',
      message: 'Signature expired: 20260301T100000Z is now earlier than 20260301T100001Z (20260301T100101Z - 60 sec.)',
    });
  });

  it('refuses a presigned URL whose query was changed', async () => {
    const g = await start();
    const url = await smithyPresign({
      url: `${g.url}/report?year=2026`,
      credentials: TEST_CREDENTIALS,
      region: g.region,
      service: g.service,
    });
    expect((await errorOf(await fetch(url.replace('year=2026', 'year=2027')))).type).toBe('InvalidSignatureException');
  });

  it('names every missing presign parameter like AWS', async () => {
    const g = await start();
    const res = await fetch(`${g.url}/x?X-Amz-Algorithm=AWS4-HMAC-SHA256`);
    expect(await errorOf(res)).toEqual({
      status: 403,
      type: 'IncompleteSignatureException',
      message:
        "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters must include 'X-Amz-Signature'. " +
        "AWS query-string parameters must include 'X-Amz-SignedHeaders'. AWS query-string parameters must include 'X-Amz-Date'. " +
        'Re-examine the query-string parameters.',
    });
  });
});

describe('Authorization header errors', () => {
  it('refuses a Bearer token with the key=value message of an IAM-authorized API', async () => {
    const g = await start();
    const res = await fetch(`${g.url}/x`, { headers: { authorization: 'Bearer abc.def' } });
    const e = await errorOf(res);
    expect(e.status).toBe(403);
    expect(e.type).toBe('IncompleteSignatureException');
    expect(e.message).toMatch(
      /^Invalid key=value pair \(missing equal-sign\) in Authorization header \(hashed with SHA-256 and encoded with Base64\): '[A-Za-z0-9+/]{43}='\.$/,
    );
  });

  it('lists every missing Authorization part and the missing date', async () => {
    const g = await start();
    const e = await errorOf(await fetch(`${g.url}/x`, { headers: { authorization: 'AWS4-HMAC-SHA256 Foo=bar' } }));
    expect(e).toEqual({
      status: 403,
      type: 'IncompleteSignatureException',
      message:
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
        "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " +
        'Authorization=AWS4-HMAC-SHA256 Foo=bar',
    });
  });

  it('refuses a signature that does not sign host', async () => {
    const g = await start();
    const s = await sign(g, '/x');
    const auth = s.init.headers.authorization ?? '';
    s.init.headers.authorization = auth.replace(/SignedHeaders=[^,]+/, 'SignedHeaders=x-amz-date');
    expect(await errorOf(await fetch(s.url, s.init))).toEqual({
      status: 403,
      type: 'IncompleteSignatureException',
      message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    });
  });

  it('refuses a credential scope with a wrong date, or not five elements', async () => {
    const g = await start();
    const s = await sign(g, '/x');
    const auth = s.init.headers.authorization ?? '';
    const date = s.init.headers['x-amz-date'] ?? '';
    const wrongDate = {
      ...s.init,
      headers: { ...s.init.headers, authorization: auth.replace(`/${date.slice(0, 8)}/`, '/20000101/') },
    };
    expect(await errorOf(await fetch(s.url, wrongDate))).toEqual({
      status: 403,
      type: 'InvalidSignatureException',
      message: `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20000101' != '${date.slice(0, 8)}', from '${date}'.`,
    });
    const short = { ...s.init, headers: { ...s.init.headers, authorization: auth.replace('/aws4_request', '') } };
    const e = await errorOf(await fetch(s.url, short));
    expect(e.type).toBe('IncompleteSignatureException');
    expect(e.message).toMatch(
      /^Credential must have exactly 5 slash-delimited elements, e\.g\. keyid\/date\/region\/service\/term, got '/,
    );
  });

  it('refuses a request signed 6 minutes ago with the exact Signature expired message', async () => {
    const now = Date.parse('2015-08-30T13:01:00Z');
    const g = await start({ now: () => now });
    const s = await smithySign({
      url: `${g.url}/x`,
      credentials: TEST_CREDENTIALS,
      region: g.region,
      service: g.service,
      signingDate: new Date('2015-08-30T12:36:00Z'),
    });
    expect(await errorOf(await fetch(s.url, s.init))).toEqual({
      status: 403,
      type: 'InvalidSignatureException',
      message: 'Signature expired: 20150830T123600Z is now earlier than 20150830T125600Z (20150830T130100Z - 5 min.)',
    });
  });
});

describe('payload hash', () => {
  it('refuses x-amz-content-sha256: UNSIGNED-PAYLOAD like execute-api, unless allowUnsignedPayload is set', async () => {
    for (const allowUnsignedPayload of [false, true]) {
      const g = await start({ allowUnsignedPayload });
      const s = await sign(g, '/upload', {
        method: 'PUT',
        body: 'data',
        headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      });
      const res = await fetch(s.url, s.init);
      expect(res.status, `allowUnsignedPayload ${allowUnsignedPayload}`).toBe(allowUnsignedPayload ? 200 : 403);
      if (!allowUnsignedPayload) {
        const e = await errorOf(res);
        // the canonical string shows the hash of the bytes actually received
        expect(e.message).toContain("\n3a6eb0790f39ac87c94f3856b2dd2c5d110e6811602261a9a923d3bb23adc8b7'");
      }
      await g.close();
    }
  });

  it('refuses an x-amz-content-sha256 that is not the hash of the body received', async () => {
    const g = await start();
    const s = await sign(g, '/upload', {
      method: 'PUT',
      body: 'data',
      headers: { 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    });
    expect((await errorOf(await fetch(s.url, s.init))).type).toBe('InvalidSignatureException');
  });

  it('hashes a chunked body after de-chunking: the bytes the client meant', async () => {
    const g = await start();
    const s = await sign(g, '/stream', {
      method: 'POST',
      body: 'hello world',
      headers: { 'content-type': 'text/plain' },
    });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('hello '));
        controller.enqueue(new TextEncoder().encode('world'));
        controller.close();
      },
    });
    const res = await fetch(s.url, { ...s.init, body: stream, duplex: 'half' } as RequestInit);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(g.requests[0]?.headers['transfer-encoding']).toBe('chunked');
    expect(await res.json()).toMatchObject({ body: 'hello world' });
  });

  it('hands a non-UTF-8 body to the handler base64-encoded', async () => {
    let seen: ProxyEvent | undefined;
    const g = await start({
      handler: (e) => {
        seen = e;
        return { statusCode: 204 };
      },
    });
    const bytes = new Uint8Array([0xff, 0x00, 0xfe]);
    const s = await sign(g, '/bin', {
      method: 'POST',
      body: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect((await fetch(s.url, s.init)).status).toBe(204);
    expect(seen).toMatchObject({ body: '/wD+', isBase64Encoded: true });
  });
});

describe('limits, stages and failures', () => {
  it('answers 413 to a body over 10 MB and still reads the whole request', async () => {
    const g = await start();
    const body = new Uint8Array(10 * 1024 * 1024 + 1);
    const res = await fetch(`${g.url}/big`, { method: 'POST', body });
    expect(await errorOf(res)).toEqual({ status: 413, type: 'RequestTooLargeException', message: 'Request Too Long' });
  });

  it('accepts a signed body of exactly 10 MB', async () => {
    const g = await start({
      handler: (e) => ({ statusCode: 200, body: String(Buffer.from(e.body ?? '', 'utf8').length) }),
    });
    const body = 'a'.repeat(10 * 1024 * 1024);
    const s = await sign(g, '/big', { method: 'POST', body, headers: { 'content-type': 'text/plain' } });
    const res = await fetch(s.url, s.init);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(String(body.length));
  });

  it('answers 403 Forbidden outside the stage', async () => {
    const g = await start();
    const s = await smithySign({
      url: `${new URL(g.url).origin}/prod/x`,
      credentials: TEST_CREDENTIALS,
      region: g.region,
      service: g.service,
    });
    expect(await errorOf(await fetch(s.url, s.init))).toEqual({
      status: 403,
      type: 'ForbiddenException',
      message: 'Forbidden',
    });
  });

  it('answers 502 Internal server error when the handler throws or returns a malformed proxy result', async () => {
    const malformed = [
      () => {
        throw new Error('boom');
      },
      () => ({}) as never,
      () => ({ statusCode: 200, body: { not: 'a string' } }) as never,
      () => ({ statusCode: 200, headers: { x: { nested: true } } }) as never,
    ];
    for (const handler of malformed) {
      const g = await start({ handler });
      const s = await sign(g, '/x');
      expect(await errorOf(await fetch(s.url, s.init))).toEqual({
        status: 502,
        type: 'InternalServerErrorException',
        message: 'Internal server error',
      });
      await g.close();
    }
  });
});

describe('CORS', () => {
  it('answers a preflight without authentication, allowing the requested headers', async () => {
    const g = await start();
    const res = await fetch(`${g.url}/x`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,x-amz-date,content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,x-amz-date,content-type');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('adds Access-Control-Allow-Origin and exposes Date and x-amzn-ErrorType on answers, errors included', async () => {
    const g = await start();
    const ok = await fetch((await sign(g, '/x')).url, (await sign(g, '/x')).init);
    const denied = await fetch(`${g.url}/x`, { headers: { origin: 'http://example.test' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    expect(denied.headers.get('access-control-allow-origin')).toBe('http://example.test');
    const exposed = denied.headers.get('access-control-expose-headers') ?? '';
    expect(exposed).toContain('date');
    expect(exposed).toContain('x-amzn-errortype');
  });
});

describe('options', () => {
  it('throws a SigV4Error INVALID_OPTIONS naming the bad option', async () => {
    await expect(startGateway({ stage: 'a/b' })).rejects.toMatchObject({
      name: 'SigV4Error',
      code: 'INVALID_OPTIONS',
      message: expect.stringContaining('`stage`'),
    });
    await expect(startGateway({ users: [{ accessKeyId: 'A', secretAccessKey: '' }] })).rejects.toMatchObject({
      code: 'INVALID_OPTIONS',
      message: expect.stringContaining('users[0]'),
    });
    await expect(startGateway({ roles: ['not-an-arn'] })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
  });
});
