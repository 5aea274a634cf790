import { createSigner, isSigV4Error } from '@sigv4/core';
import { type Gateway, TEST_CREDENTIALS } from '@sigv4/gateway';
import { describe, expect, it } from 'vitest';
import { startGatewayPerTest } from '../../../test-support/gateway.js';
import { createSignedFetch, type RetryOptions } from '../src/index.js';
import { streamOf } from './helpers.js';

const start = startGatewayPerTest();

/** A signer whose clock moves one second per signing, so that every attempt carries its own signature. */
function tickingSigner() {
  let tick = 0;
  const base = Date.now();
  return createSigner({
    region: 'eu-central-1',
    service: 'execute-api',
    credentials: TEST_CREDENTIALS,
    now: () => base + tick++ * 1000,
  });
}

/** A signer that sends stream bodies unread, as `UNSIGNED-PAYLOAD`. */
const streamingSigner = () =>
  createSigner({
    region: 'eu-central-1',
    service: 'execute-api',
    credentials: TEST_CREDENTIALS,
    unsignedPayload: true,
  });

/** Tiny waits and no jitter: the tests run in milliseconds. */
const fast: RetryOptions = { delay: () => 1, jitter: false };

const apiRequests = (gw: Gateway) => gw.requests.filter((r) => r.api === 'execute-api');

describe('createSignedFetch retry (opt-in, ky semantics, each attempt signed afresh)', () => {
  it('sends a GET answered 503 twice once more each time, signed afresh, and returns the 200', async () => {
    const gw = await start({ failFirst: { times: 2, status: 503 } });
    const signedFetch = createSignedFetch({ signer: tickingSigner(), retry: fast });

    const res = await signedFetch(`${gw.url}/items?client=retry`);

    expect(res.status).toBe(200);
    const sent = apiRequests(gw);
    expect(sent.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(new Set(sent.map((r) => r.headers['authorization'])).size).toBe(3);
  });

  it('waits as Retry-After says on a 503 instead of the backoff', async () => {
    const gw = await start({ failFirst: { times: 1, status: 503, headers: { 'retry-after': '0' } } });
    let backoffs = 0;
    const delay = () => {
      backoffs++;
      return 1;
    };
    const res = await createSignedFetch({ signer: tickingSigner(), retry: { delay } })(`${gw.url}/items`);

    expect(res.status).toBe(200);
    expect(backoffs).toBe(0);
  });

  it('gives up after `limit` retries and returns the last answer', async () => {
    const gw = await start({ failFirst: { times: 5, status: 502 } });
    const res = await createSignedFetch({ signer: tickingSigner(), retry: { ...fast, limit: 2 } })(gw.url);

    expect(res.status).toBe(502);
    expect(apiRequests(gw)).toHaveLength(3);
  });

  it('sends a POST once by default (not idempotent), and again when `methods` allows it, with the same body', async () => {
    const gw = await start({ failFirst: { times: 2, status: 503 } });
    const init = {
      method: 'POST',
      body: JSON.stringify({ order: 1 }),
      headers: { 'content-type': 'application/json' },
    };

    const once = await createSignedFetch({ signer: tickingSigner(), retry: fast })(`${gw.url}/orders`, init);
    const again = await createSignedFetch({ signer: tickingSigner(), retry: { ...fast, methods: ['post'] } })(
      `${gw.url}/orders`,
      init,
    );

    expect([once.status, again.status]).toEqual([503, 200]);
    const sent = apiRequests(gw);
    expect(sent.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(sent.every((r) => r.body.toString() === '{"order":1}')).toBe(true);
  });

  it('does not retry statuses outside `statusCodes`, nor a 413 without Retry-After', async () => {
    const gw = await start({ failFirst: { times: 1, status: 413 } });
    const res = await createSignedFetch({ signer: tickingSigner(), retry: fast })(gw.url);

    expect(res.status).toBe(413);
    expect(apiRequests(gw)).toHaveLength(1);
  });

  it('retries a network error (TypeError), signing afresh', async () => {
    const gw = await start();
    let failures = 1;
    const flaky = async (request: Request) => {
      if (failures-- > 0) throw new TypeError('fetch failed');
      return fetch(request);
    };
    const res = await createSignedFetch({ signer: tickingSigner(), retry: fast }, { fetch: flaky })(gw.url);

    expect(res.status).toBe(200);
    expect(apiRequests(gw)).toHaveLength(1);
  });

  it('retries a network error a fetch double throws instead of rejecting with, as ky does', async () => {
    const gw = await start();
    let failures = 1;
    const throwing = (request: Request) => {
      if (failures-- > 0) throw new TypeError('fetch failed');
      return fetch(request);
    };
    const res = await createSignedFetch({ signer: tickingSigner(), retry: fast }, { fetch: throwing })(gw.url);

    expect(res.status).toBe(200);
    expect(apiRequests(gw)).toHaveLength(1);
  });

  it('retries a network error of a presigned request (signQuery), presigning afresh', async () => {
    const gw = await start();
    const urls: string[] = [];
    const flaky = async (request: Request) => {
      urls.push(request.url);
      if (urls.length === 1) throw new TypeError('fetch failed');
      return fetch(request);
    };
    const signedFetch = createSignedFetch({ signer: tickingSigner(), signQuery: true, retry: fast }, { fetch: flaky });

    const res = await signedFetch(`${gw.url}/items`);

    expect(res.status).toBe(200);
    expect(urls).toHaveLength(2);
    expect(urls[0]).not.toBe(urls[1]);
    expect(urls.every((url) => url.includes('X-Amz-Signature='))).toBe(true);
  });

  it.each([
    ['a GET with a body', 'http://127.0.0.1:9/items', { body: 'x' }],
    ['a URL that does not parse', 'http://[bad/items', {}],
    ['a header name with a space', 'http://127.0.0.1:9/items', { headers: { 'bad name': 'x' } }],
  ] as const)(
    'hands the TypeError of %s to the caller at once: not sent, not retried, no wait',
    async (_, url, init) => {
      let sends = 0;
      let waits = 0;
      const counting = async (request: Request) => {
        sends++;
        return fetch(request);
      };
      const delay = () => {
        waits++;
        return 1;
      };
      const retry = { ...fast, delay };
      const error = await createSignedFetch({ signer: tickingSigner(), retry }, { fetch: counting })(
        url,
        init as RequestInit,
      ).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(TypeError);
      expect([sends, waits]).toEqual([0, 0]);
    },
  );

  it('does not retry the TypeError fetch rejects with for an init it cannot build (only-if-cached in cors mode)', async () => {
    const gw = await start();
    let waits = 0;
    const delay = () => {
      waits++;
      return 1;
    };
    const retry = { ...fast, delay };
    const error = await createSignedFetch({ signer: tickingSigner(), retry })(`${gw.url}/items`, {
      cache: 'only-if-cached',
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/only-if-cached/);
    expect(waits).toBe(0);
    expect(apiRequests(gw)).toHaveLength(0);
  });

  it('does not retry a stream body after a network error: BODY_NOT_REPLAYABLE says why, with the cause', async () => {
    const gw = await start();
    const failing = async (request: Request) => {
      await request.body?.cancel();
      throw new TypeError('fetch failed');
    };
    const signedFetch = createSignedFetch({ signer: streamingSigner(), retry: fast }, { fetch: failing });
    const error = await signedFetch(`${gw.url}/upload`, {
      method: 'PUT',
      body: streamOf('a', 'b'),
      duplex: 'half',
    } as RequestInit).catch((e: unknown) => e);

    expect(isSigV4Error(error) && error.code).toBe('BODY_NOT_REPLAYABLE');
    expect((error as Error).message).toMatch(/stream body was sent already.*pass a string or bytes/);
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });

  it('returns a 503 of a stream body as it is: the stream was sent and cannot be sent again', async () => {
    const gw = await start({ allowUnsignedPayload: true, failFirst: { times: 1, status: 503 } });
    const res = await createSignedFetch({ signer: streamingSigner(), retry: fast })(`${gw.url}/upload`, {
      method: 'PUT',
      body: streamOf('a', 'b'),
      duplex: 'half',
    } as RequestInit);

    expect(res.status).toBe(503);
    expect(apiRequests(gw)).toHaveLength(1);
  });

  it("stops waiting when the caller's signal aborts, with the signal's reason", async () => {
    const gw = await start({ failFirst: { times: 1, status: 503 } });
    const controller = new AbortController();
    const abortAfterAnswer = async (request: Request) => {
      const response = await fetch(request);
      setTimeout(() => controller.abort(new Error('caller gave up')), 0);
      return response;
    };
    const signedFetch = createSignedFetch(
      { signer: tickingSigner(), retry: { delay: () => 60_000, jitter: false } },
      { fetch: abortAfterAnswer },
    );

    await expect(signedFetch(gw.url, { signal: controller.signal })).rejects.toThrow('caller gave up');
    expect(apiRequests(gw)).toHaveLength(1);
  });

  it('refuses a retry option of the wrong shape with INVALID_OPTIONS, at once or on the first call', async () => {
    expect(() => createSignedFetch({ retry: 'yes' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
    const signedFetch = createSignedFetch({ signer: tickingSigner(), retry: { limit: -1 } });
    await expect(signedFetch('http://127.0.0.1:9/')).rejects.toMatchObject({
      code: 'INVALID_OPTIONS',
      message: expect.stringContaining('retry.limit'),
    });
  });
});
