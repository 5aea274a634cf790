import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isSigV4Error } from '@sigv4/core';
import { echoHandler, type ProxyEvent, startGateway, TEST_CREDENTIALS } from '@sigv4/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignedFetch } from '../src/index.js';

type Gateway = Awaited<ReturnType<typeof startGateway>>;

const SESSION_TOKEN = 'SESSION-TOKEN-FOR-AWS-ONLY';
const CREDENTIALS = { ...TEST_CREDENTIALS, sessionToken: SESSION_TOKEN };
const SIGNING_HEADERS = ['authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'];

let gw: Gateway;
let other: http.Server;
let otherUrl: string;
const otherSeen: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }> = [];

/** The API behind the gateway: `/to/<status>?url=<target>` redirects, everything else echoes. */
function redirectingHandler(event: ProxyEvent) {
  const match = /^\/to\/(\d{3})$/.exec(event.path);
  const target = event.queryStringParameters?.['url'];
  if (match && target) return { statusCode: Number(match[1]), headers: { location: target }, body: 'moved' };
  return echoHandler(event);
}

beforeAll(async () => {
  gw = await startGateway({ users: [CREDENTIALS], handler: redirectingHandler });
  // Another origin (another port on loopback): records what reaches it.
  other = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      otherSeen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      res.end('other origin');
    });
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await gw?.close();
  await new Promise((resolve) => other?.close(resolve));
});

const signedFetch = createSignedFetch({ region: 'eu-central-1', service: 'execute-api', credentials: CREDENTIALS });
const redirectTo = (status: number, target: string) => `${gw.url}/to/${status}?url=${encodeURIComponent(target)}`;

async function observe(call: () => Promise<Response>) {
  const before = gw.requests.length;
  const beforeOther = otherSeen.length;
  const res = await call();
  const text = await res.text();
  return { res, text, seen: gw.requests.slice(before), otherSeen: otherSeen.slice(beforeOther) };
}

describe('@sigv4/fetch follows redirects without leaking the signing headers', () => {
  it('signs a same-origin 307 again, keeping method and body, and the target accepts it', async () => {
    const { res, text, seen } = await observe(() =>
      signedFetch(redirectTo(307, `${gw.url}/moved`), {
        method: 'POST',
        body: 'hello',
        headers: { 'content-type': 'text/plain' },
      }),
    );

    expect(res.status).toBe(200);
    expect(seen.map((r) => [r.status, r.method, r.path, r.body.toString()])).toEqual([
      [307, 'POST', '/dev/to/307', 'hello'],
      [200, 'POST', '/dev/moved', 'hello'],
    ]);
    expect(JSON.parse(text)).toMatchObject({ method: 'POST', body: 'hello' });
    expect(seen[1]!.headers['x-amz-security-token']).toBe(SESSION_TOKEN);
  });

  it('turns a POST redirected with 303 into a signed GET without body or content-type', async () => {
    const { res, seen } = await observe(() =>
      signedFetch(redirectTo(303, `${gw.url}/result?id=7`), {
        method: 'POST',
        body: '{"a":1}',
        headers: { 'content-type': 'application/json' },
      }),
    );

    expect(res.status).toBe(200);
    expect(seen[1]).toMatchObject({ status: 200, method: 'GET', target: '/dev/result?id=7' });
    expect(seen[1]!.body.length).toBe(0);
    expect(seen[1]!.headers['content-type']).toBeUndefined();
  });

  it('sends a cross-origin redirect without authorization, x-amz-date, x-amz-security-token or x-amz-content-sha256', async () => {
    const {
      res,
      text,
      seen,
      otherSeen: reached,
    } = await observe(() =>
      signedFetch(redirectTo(302, `${otherUrl}/download?part=1`), { headers: { 'x-request-id': 'r-1' } }),
    );

    expect(seen[0]!.status).toBe(302);
    expect(res.status).toBe(200);
    expect(text).toBe('other origin');
    expect(reached).toHaveLength(1);
    expect(reached[0]!.url).toBe('/download?part=1');
    for (const name of SIGNING_HEADERS) expect(reached[0]!.headers[name]).toBeUndefined();
    expect(JSON.stringify(reached[0]!.headers)).not.toContain(SESSION_TOKEN);
    // Other headers go on, as fetch sends them on.
    expect(reached[0]!.headers['x-request-id']).toBe('r-1');
  });

  it('sends a 307 to another origin with its method and body, unsigned', async () => {
    const { otherSeen: reached } = await observe(() =>
      signedFetch(redirectTo(307, `${otherUrl}/x`), { method: 'PUT', body: 'data' }),
    );

    expect(reached[0]).toMatchObject({ method: 'PUT', body: 'data' });
    for (const name of SIGNING_HEADERS) expect(reached[0]!.headers[name]).toBeUndefined();
  });

  it('hands a redirect response back as it is with redirect: "manual"', async () => {
    const {
      res,
      seen,
      otherSeen: reached,
    } = await observe(() => signedFetch(redirectTo(302, `${otherUrl}/x`), { redirect: 'manual' }));

    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${otherUrl}/x`);
    expect(seen).toHaveLength(1);
    expect(reached).toHaveLength(0);
  });

  it('rejects like fetch with redirect: "error"', async () => {
    await expect(signedFetch(redirectTo(302, `${gw.url}/moved`), { redirect: 'error' })).rejects.toThrow(TypeError);
  });

  it.each([
    ['signed', {}],
    ['presigned', { signQuery: true }],
  ])(
    'rejects a %s redirect: "error" request answered with a redirect at once, and retry does not send it again',
    async (_, query) => {
      const retrying = createSignedFetch({
        region: 'eu-central-1',
        service: 'execute-api',
        credentials: CREDENTIALS,
        retry: { delay: () => 1, jitter: false },
        ...query,
      });
      const before = gw.requests.length;

      const error: unknown = await retrying(redirectTo(302, `${gw.url}/moved`), { redirect: 'error' }).catch(
        (e: unknown) => e,
      );

      expect(gw.requests.slice(before).map((r) => [r.status, r.path])).toEqual([[302, '/dev/to/302']]);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toContain('redirect: "error"');
    },
  );

  it('retries a network error of a redirect: "error" request, which is no redirect', async () => {
    let calls = 0;
    const flaky = async (request: Request) => {
      if (calls++ === 0) throw new TypeError('fetch failed');
      return fetch(request);
    };
    const retrying = createSignedFetch(
      {
        region: 'eu-central-1',
        service: 'execute-api',
        credentials: CREDENTIALS,
        retry: { delay: () => 1, jitter: false },
      },
      { fetch: flaky },
    );

    const { res, seen } = await observe(() => retrying(`${gw.url}/a`, { redirect: 'error' }));

    expect(res.status).toBe(200);
    expect(calls).toBe(2);
    expect(seen.map((r) => r.status)).toEqual([200]);
  });

  it('rejects with a TypeError after 20 redirects, as fetch does, and retry does not send it again', async () => {
    const looping = await startGateway({
      users: [CREDENTIALS],
      handler: (event) => ({ statusCode: 302, headers: { location: `${event.path}?n=1` } }),
      stage: '',
    });
    const retrying = createSignedFetch({
      region: 'eu-central-1',
      service: 'execute-api',
      credentials: CREDENTIALS,
      retry: { delay: () => 1, jitter: false },
    });
    try {
      const error: unknown = await retrying(`${looping.url}/a`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/redirect count exceeded.*redirect: "manual"/);
      expect(looping.requests).toHaveLength(21);
      expect(looping.requests.every((r) => r.status === 302)).toBe(true);
    } finally {
      await looping.close();
    }
  });

  it('refuses a 307 that would send a stream body again with BODY_NOT_REPLAYABLE, not retried', async () => {
    const unsigned = createSignedFetch({
      region: 'eu-central-1',
      service: 'execute-api',
      credentials: CREDENTIALS,
      unsignedPayload: true,
      retry: { delay: () => 1, jitter: false },
    });
    const s3like = await startGateway({
      users: [CREDENTIALS],
      handler: redirectingHandler,
      allowUnsignedPayload: true,
    });
    try {
      const error: unknown = await unsigned(`${s3like.url}/to/307?url=${encodeURIComponent(`${s3like.url}/moved`)}`, {
        method: 'PUT',
        body: new Blob(['part']).stream(),
        duplex: 'half',
      } as RequestInit).catch((e: unknown) => e);
      expect(isSigV4Error(error) && error.code).toBe('BODY_NOT_REPLAYABLE');
      expect((error as Error).message).toMatch(/307 redirect of PUT .* pass a string or bytes, or redirect: "manual"/);
      expect(String(error)).not.toContain(SESSION_TOKEN);
      expect(s3like.requests.map((r) => r.status)).toEqual([307]);
    } finally {
      await s3like.close();
    }
  });

  it('retries a network error on a same-origin redirect as on the first request, from the start', async () => {
    let hops = 0;
    const flakyOnRedirect = async (request: Request) => {
      if (new URL(request.url).pathname === '/dev/moved' && hops++ === 0) throw new TypeError('fetch failed');
      return fetch(request);
    };
    const retrying = createSignedFetch(
      {
        region: 'eu-central-1',
        service: 'execute-api',
        credentials: CREDENTIALS,
        retry: { delay: () => 1, jitter: false },
      },
      { fetch: flakyOnRedirect },
    );

    const { res, seen } = await observe(() => retrying(redirectTo(307, `${gw.url}/moved`)));

    expect(res.status).toBe(200);
    expect(seen.map((r) => [r.status, r.path])).toEqual([
      [307, '/dev/to/307'],
      [307, '/dev/to/307'],
      [200, '/dev/moved'],
    ]);
  });

  it("refuses a redirect the runtime hides (a browser's opaqueredirect) with INVALID_OPTIONS", async () => {
    const sent: Request[] = [];
    const browserLike = createSignedFetch(
      { region: 'eu-central-1', service: 'execute-api', credentials: CREDENTIALS },
      {
        fetch: async (request) => {
          sent.push(request);
          return Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
        },
      },
    );

    const error: unknown = await browserLike(`${gw.url}/a`).catch((e: unknown) => e);
    expect(isSigV4Error(error) && error.code).toBe('INVALID_OPTIONS');
    expect(String(error)).not.toContain(SESSION_TOKEN);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.redirect).toBe('manual');
  });
});
