import { createHash } from 'node:crypto';
import { isSigV4Error, SigV4Error } from '@sigv4/core';
import { describe, expect, it, vi } from 'vitest';
import { sigv4Hook, withSigV4 } from '../src/index.js';
import { captureFetch, verifyCaptured } from './support/capture-fetch.js';
import { KY_VERSIONS } from './support/ky-versions.js';

const NOW = new Date('2026-03-04T05:06:07Z');
const AMZ_DATE = '20260304T050607Z';
const credentials = { accessKeyId: 'AKIDKYUNITTEST', secretAccessKey: 'ky/unit+test/secret/EXAMPLEKEY' };
const signerOptions = { region: 'eu-central-1', service: 'execute-api', credentials, now: () => NOW };
const BASE = 'https://abc123.execute-api.eu-central-1.amazonaws.com/dev';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const signedHeadersOf = (request: Request) =>
  /SignedHeaders=([^,]+)/.exec(request.headers.get('authorization') ?? '')?.[1]?.split(';');

/** A user hook written for both calling conventions: it returns a copy of the request with one more header. */
const returnsRequestWith =
  (name: string, value: string) =>
  (...args: unknown[]): Request => {
    const first = args[0];
    const request = first instanceof Request ? first : (first as { request: Request }).request;
    const headers = new Headers(request.headers);
    headers.set(name, value);
    return new Request(request, { headers });
  };

/** A user hook for both conventions that sets a header in place and returns nothing. */
const setsHeader =
  (name: string, value: string) =>
  (...args: unknown[]): void => {
    const first = args[0];
    const request = first instanceof Request ? first : (first as { request: Request }).request;
    request.headers.set(name, value);
  };

describe.each(KY_VERSIONS)('sigv4Hook and withSigV4 with $name', (v) => {
  it('signs the URL ky built from the prefix, the path and searchParams with spaces, unicode and repeated keys', async () => {
    const { calls, fetch } = captureFetch();
    const api = withSigV4(v.ky.create({ ...v.base(BASE), fetch }), signerOptions);
    const searchParams = new URLSearchParams([
      ['q', 'red shoes'],
      ['city', 'Zürich'],
      ['tag', 'a'],
      ['tag', 'b'],
    ]);
    await api.get('items/42', { searchParams });

    expect(calls).toHaveLength(1);
    const [sent] = calls;
    expect(sent?.request.url).toBe(`${BASE}/items/42?q=red+shoes&city=Z%C3%BCrich&tag=a&tag=b`);
    expect(sent?.request.headers.get('x-amz-date')).toBe(AMZ_DATE);
    expect(sent?.request.headers.get('authorization')).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDKYUNITTEST\/20260304\/eu-central-1\/execute-api\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/,
    );
    const result = verifyCaptured(sent!, { credentials, now: NOW });
    expect(result.ok ? result.canonicalRequest : result).toContain('city=Z%C3%BCrich&q=red%20shoes&tag=a&tag=b');
  });

  it('hashes a json body read from a clone and sends the very same bytes', async () => {
    const { calls, fetch } = captureFetch();
    const api = withSigV4(v.ky.create({ ...v.base(BASE), fetch }), signerOptions);
    const json = { client: 'ky', nested: { emoji: '🦄', list: [1, 2, 3] } };
    await api.post('items', { json });

    const [sent] = calls;
    expect(text(sent!.body)).toBe(JSON.stringify(json));
    expect(sent?.request.headers.get('content-type')).toBe('application/json');
    const result = verifyCaptured(sent!, { credentials, now: NOW });
    expect(result.ok).toBe(true);
    expect(result.ok && result.canonicalRequest.endsWith(`\n${sha256(JSON.stringify(json))}`)).toBe(true);
  });

  it.each([
    ['a form', () => new URLSearchParams({ name: 'a b', city: 'Zürich' })],
    ['binary bytes', () => new Uint8Array([0, 1, 2, 253, 254, 255])],
    ['a Blob', () => new Blob(['blob body'], { type: 'text/plain' })],
    [
      'FormData',
      () => {
        const form = new FormData();
        form.set('field', 'value');
        return form;
      },
    ],
    ['an empty string', () => ''],
  ])('signs %s as the bytes fetch sends', async (_name, makeBody) => {
    const { calls, fetch } = captureFetch();
    const api = withSigV4(v.ky.create({ ...v.base(BASE), fetch }), signerOptions);
    await api.put('upload', { body: makeBody() });

    const [sent] = calls;
    const result = verifyCaptured(sent!, { credentials, now: NOW });
    expect(result.ok ? result.signedHeaders : result).toContain('host');
    expect(result.ok && result.canonicalRequest.endsWith(`\n${sha256(sent!.body)}`)).toBe(true);
  });

  it.each(['get', 'post', 'put', 'patch', 'delete', 'head'] as const)(
    'signs a %s request with the method it is sent with',
    async (method) => {
      const { calls, fetch } = captureFetch();
      const api = withSigV4(v.ky.create({ ...v.base(BASE), fetch }), signerOptions);
      await api[method]('things/1');

      const [sent] = calls;
      expect(sent?.request.method).toBe(method.toUpperCase());
      expect(verifyCaptured(sent!, { credentials, now: NOW }).ok).toBe(true);
    },
  );

  it('signs only headers that are on the request, never those fetch adds later', async () => {
    const { calls, fetch } = captureFetch();
    const api = withSigV4(v.ky.create({ ...v.base(BASE), fetch, headers: { 'x-api-key': 'key-1' } }), signerOptions);
    await api.post('items', { json: { a: 1 } }).json();

    const [sent] = calls;
    expect(signedHeadersOf(sent!.request)).toEqual(['accept', 'content-type', 'host', 'x-amz-date', 'x-api-key']);
    expect(verifyCaptured(sent!, { credentials, now: NOW }).ok).toBe(true);
  });

  it('keeps the signal, credentials, redirect mode and keepalive flag of the request ky built', async () => {
    const { calls, fetch } = captureFetch();
    const api = withSigV4(v.ky.create({ ...v.base(BASE), fetch }), signerOptions);
    const controller = new AbortController();
    await api.get('items', {
      signal: controller.signal,
      credentials: 'omit',
      redirect: 'manual',
      keepalive: true,
      cache: 'no-store',
    });

    const sent = calls[0]!.request;
    expect([sent.credentials, sent.redirect, sent.keepalive, sent.cache]).toEqual(['omit', 'manual', true, 'no-store']);
    expect(sent.signal.aborted).toBe(false);
    controller.abort();
    expect(sent.signal.aborted).toBe(true);
  });

  it('gives every retry a fresh signature and drops the stale signing headers first', async () => {
    let clock = NOW.getTime();
    const { calls, fetch } = captureFetch([503, 503, 200]);
    const countingFetch = async (request: RequestInfo | URL) => {
      const response = await fetch(request);
      clock += 60_000;
      return response;
    };
    const api = withSigV4(v.ky.create({ ...v.base(BASE), fetch: countingFetch, retry: { limit: 2, delay: () => 0 } }), {
      ...signerOptions,
      now: () => clock,
    });
    await api.put('items/7', { json: { n: 7 } });

    expect(calls.map((c) => c.request.headers.get('x-amz-date'))).toEqual([
      '20260304T050607Z',
      '20260304T050707Z',
      '20260304T050807Z',
    ]);
    for (const [index, sent] of calls.entries()) {
      expect(sent.request.headers.get('authorization')?.match(/AWS4-HMAC-SHA256/g)).toHaveLength(1);
      expect(text(sent.body)).toBe('{"n":7}');
      expect(verifyCaptured(sent, { credentials, now: new Date(NOW.getTime() + index * 60_000) }).ok).toBe(true);
    }
  });

  it('signs the request a user beforeRetry hook returns', async () => {
    let clock = NOW.getTime();
    const { calls, fetch } = captureFetch([503, 200]);
    const api = withSigV4(
      v.ky.create({
        ...v.base(BASE),
        fetch: async (request: RequestInfo | URL) => {
          const r = await fetch(request);
          clock += 1000;
          return r;
        },
        retry: { limit: 1, delay: () => 0 },
        hooks: { beforeRetry: [returnsRequestWith('x-retry', 'yes')] },
      }),
      { ...signerOptions, now: () => clock },
    );
    await api.get('items');

    expect(calls).toHaveLength(2);
    expect(calls[1]?.request.headers.get('x-retry')).toBe('yes');
    expect(signedHeadersOf(calls[1]!.request)).toContain('x-retry');
    expect(verifyCaptured(calls[1]!, { credentials, now: new Date(clock) }).ok).toBe(true);
  });

  it('signs the custom request of a forced retry (ky.retry({ request }) from afterResponse)', async () => {
    const { calls, fetch } = captureFetch();
    const retry = (v.ky as unknown as { retry: (options: { request: Request }) => unknown }).retry;
    let forced = false;
    const forceRetry = (...args: unknown[]) => {
      const request = (args[0] instanceof Request ? args[0] : (args[0] as { request: Request }).request) as Request;
      if (forced) return undefined;
      forced = true;
      return retry({ request: new Request(`${request.url}&forced=1`, request) });
    };
    const api = withSigV4(
      v.ky.create({
        ...v.base(BASE),
        fetch,
        retry: { limit: 1, delay: () => 0 },
        hooks: { afterResponse: [forceRetry as never] },
      }),
      signerOptions,
    );
    await api.get('items', { searchParams: { a: '1' } });

    expect(calls.map((c) => new URL(c.request.url).search)).toEqual(['?a=1', '?a=1&forced=1']);
    for (const sent of calls) expect(verifyCaptured(sent, { credentials, now: NOW }).ok).toBe(true);
  });

  it('hands ky.stop from a user beforeRetry hook back to ky, which then stops retrying', async () => {
    const { calls, fetch } = captureFetch([503, 200]);
    const stop = (v.ky as unknown as { stop: symbol }).stop;
    const api = withSigV4(
      v.ky.create({
        ...v.base(BASE),
        fetch,
        retry: { limit: 2, delay: () => 0 },
        hooks: { beforeRetry: [() => stop as never] },
      }),
      signerOptions,
    );
    const result = await api.get('items');

    expect(result).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('ignores other values user hooks return, as ky does, and still signs', async () => {
    let clock = NOW.getTime();
    const { calls, fetch } = captureFetch([503, 200]);
    const api = withSigV4(
      v.ky.create({
        ...v.base(BASE),
        fetch: async (request: RequestInfo | URL) => {
          const r = await fetch(request);
          clock += 1000;
          return r;
        },
        retry: { limit: 1, delay: () => 0 },
        hooks: { beforeRequest: [() => Symbol('not a stop')], beforeRetry: [() => true] } as never,
      }),
      { ...signerOptions, now: () => clock },
    );
    await api.get('items');

    expect(calls).toHaveLength(2);
    expect(calls[0]?.request.headers.get('x-amz-date')).toBe(AMZ_DATE);
    expect(calls[1]?.request.headers.get('x-amz-date')).toBe('20260304T050608Z');
    for (const [index, sent] of calls.entries()) {
      expect(verifyCaptured(sent, { credentials, now: new Date(NOW.getTime() + index * 1000) }).ok).toBe(true);
    }
  });

  it('rejects with the SigV4Error and sends nothing when the credentials provider fails', async () => {
    const { calls, fetch } = captureFetch();
    const api = withSigV4(v.ky.create({ ...v.base(BASE), fetch, retry: 0 }), {
      ...signerOptions,
      credentials: async () => {
        throw new Error('metadata service unreachable');
      },
    });
    const error = await api.get('items').then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(isSigV4Error(error) && error.code).toBe('CREDENTIALS_PROVIDER_FAILED');
    expect(calls).toHaveLength(0);
  });

  it('refuses a stream body without unsignedPayload and sends nothing', async () => {
    const { calls, fetch } = captureFetch();
    const api = withSigV4(v.ky.create({ ...v.base(BASE), fetch }), signerOptions);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([1, 2, 3]));
        c.close();
      },
    });
    const error = await api.post('upload', { body }).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(SigV4Error);
    expect((error as SigV4Error).code).toBe('UNSUPPORTED_BODY');
    expect(calls).toHaveLength(0);
  });

  it('signs a stream body as UNSIGNED-PAYLOAD with unsignedPayload and streams it unread', async () => {
    const { calls, fetch } = captureFetch();
    const api = withSigV4(v.ky.create({ ...v.base(BASE), fetch }), { ...signerOptions, unsignedPayload: true });
    const chunks = ['first,', 'second,', 'third'];
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const chunk of chunks) c.enqueue(new TextEncoder().encode(chunk));
        c.close();
      },
    });
    await api.post('upload', { body });

    const [sent] = calls;
    expect(text(sent!.body)).toBe(chunks.join(''));
    expect(sent?.request.headers.get('x-amz-content-sha256')).toBe('UNSIGNED-PAYLOAD');
    expect(verifyCaptured(sent!, { credentials, now: NOW, allowUnsignedPayload: true }).ok).toBe(true);
  });

  it('runs the instance hooks first, in order, and signs what they set', async () => {
    const { calls, fetch } = captureFetch();
    const order: string[] = [];
    const base = v.ky.create({
      ...v.base(BASE),
      fetch,
      hooks: {
        beforeRequest: [
          (...args: unknown[]) => {
            order.push('first');
            setsHeader('x-first', '1')(...args);
          },
          (...args: unknown[]) => {
            order.push('second');
            setsHeader('x-second', '2')(...args);
          },
        ],
      },
    });
    await withSigV4(base, signerOptions).get('items');

    expect(order).toEqual(['first', 'second']);
    expect(signedHeadersOf(calls[0]!.request)).toEqual(['host', 'x-amz-date', 'x-first', 'x-second']);
    expect(verifyCaptured(calls[0]!, { credentials, now: NOW }).ok).toBe(true);
  });

  it("still signs when an instance hook returns a new Request, keeping ky's rule for the hooks after it", async () => {
    const { calls, fetch } = captureFetch();
    const base = v.ky.create({
      ...v.base(BASE),
      fetch,
      hooks: { beforeRequest: [returnsRequestWith('x-replaced', 'yes'), setsHeader('x-after', 'ran')] },
    });
    await withSigV4(base, signerOptions).get('items');

    const sent = calls[0]!.request;
    expect(sent.headers.get('x-replaced')).toBe('yes');
    // ky 1 stops the list at a returned Request; ky 2 goes on with the new request.
    expect(sent.headers.get('x-after')).toBe(v.major === 1 ? null : 'ran');
    expect(verifyCaptured(calls[0]!, { credentials, now: NOW }).ok).toBe(true);
  });

  it('signs the body of a request an earlier hook replaced, not the body ky was given', async () => {
    const { calls, fetch } = captureFetch();
    const replaceBody = (...args: unknown[]) => {
      const first = args[0];
      const request = first instanceof Request ? first : (first as { request: Request }).request;
      return new Request(request, { body: '{"replaced":true}', duplex: 'half' } as RequestInit);
    };
    const sign = sigv4Hook(signerOptions);
    const viaWithSigV4 = withSigV4(
      v.ky.create({ ...v.base(BASE), fetch, hooks: { beforeRequest: [replaceBody] } }),
      signerOptions,
    );
    const viaPlainList = v.ky.create({
      ...v.base(BASE),
      fetch,
      hooks: { init: [sign], beforeRequest: [replaceBody] } as never,
    });
    await viaWithSigV4.post('items', { json: { original: true } });
    if (v.major === 2) await viaPlainList.post('items', { json: { original: true } });

    for (const sent of calls) {
      expect(text(sent.body)).toBe('{"replaced":true}');
      expect(verifyCaptured(sent, { credentials, now: NOW }).ok).toBe(true);
    }
  });

  it('signs the body a user beforeRetry hook puts on the retry', async () => {
    const { calls, fetch } = captureFetch([503, 200]);
    const replaceBody = ({ request }: { request: Request }) =>
      new Request(request, { body: '{"retry":2}', duplex: 'half' } as RequestInit);
    const api = withSigV4(
      v.ky.create({
        ...v.base(BASE),
        fetch,
        retry: { limit: 1, delay: () => 0 },
        hooks: { beforeRetry: [replaceBody] },
      }),
      signerOptions,
    );
    await api.put('items/1', { json: { retry: 1 } });

    expect(calls.map((c) => text(c.body))).toEqual(['{"retry":1}', '{"retry":2}']);
    for (const sent of calls) expect(verifyCaptured(sent, { credentials, now: NOW }).ok).toBe(true);
  });

  it("takes a json body from ky instead of reading a clone while the request is ky's own", async () => {
    const clone = vi.spyOn(Request.prototype, 'clone');
    try {
      const { fetch } = captureFetch();
      const signed = withSigV4(v.ky.create({ ...v.base(BASE), fetch, retry: 0 }), signerOptions);
      await signed.post('items', { json: { a: 1 }, hooks: { beforeRequest: [returnsRequestWith('x-copy', '1')] } });
      const replaced = clone.mock.calls.length;
      clone.mockClear();
      await signed.post('items', { json: { a: 1 } });

      expect(clone.mock.calls.length).toBeLessThan(replaced);
    } finally {
      clone.mockRestore();
    }
  });

  it('takes the body an instance carries from ky too, and a call body only on the calls that pass one', async () => {
    const clone = vi.spyOn(Request.prototype, 'clone');
    try {
      const { calls, fetch } = captureFetch();
      const run = async (sign: (api: typeof v.ky) => typeof v.ky) => {
        clone.mockClear();
        await sign(v.ky.create({ ...v.base(BASE), fetch, retry: 0, json: { from: 'instance' } })).post('items');
        const plain = sign(v.ky.create({ ...v.base(BASE), fetch, retry: 0 }));
        await plain.post('items', { body: 'call body' });
        await plain.get('items');
        return clone.mock.calls.length;
      };
      const unsignedClones = await run((api) => api);
      calls.length = 0;
      const signedClones = await run((api) => withSigV4(api, signerOptions));

      expect(calls.map((c) => text(c.body))).toEqual(['{"from":"instance"}', 'call body', '']);
      for (const sent of calls) expect(verifyCaptured(sent, { credentials, now: NOW }).ok).toBe(true);
      // No body was read from a clone of ky's request: the clones are ky's own.
      expect(signedClones).toBe(unsignedClones);
    } finally {
      clone.mockRestore();
    }
  });

  it('sends the request unsigned in ky 1 when a hook before sigv4Hook returns a Request, which is why it refuses ky 1', async () => {
    const { calls, fetch } = captureFetch();
    const sign = sigv4Hook(signerOptions);
    const api = v.ky.create({
      ...v.base(BASE),
      fetch,
      retry: 0,
      hooks: { beforeRequest: [returnsRequestWith('x-replaced', 'yes'), sign] },
    });
    const sent = await api.get('items').then(
      () => 'sent',
      (e: unknown) => isSigV4Error(e) && e.code,
    );

    // ky 1 never calls `sign` here, so no hook can refuse; ky 2 calls it, and it refuses without hooks.init.
    expect(sent).toBe(v.major === 2 ? 'INVALID_OPTIONS' : 'sent');
    expect(calls.map((c) => c.request.headers.has('authorization'))).toEqual(v.major === 2 ? [] : [false]);
  });

  it('passes a Response from an earlier hook back to ky without signing or sending', async () => {
    const { calls, fetch } = captureFetch();
    const base = v.ky.create({
      ...v.base(BASE),
      fetch,
      hooks: { beforeRequest: [() => new Response('cached', { status: 200 })] },
    });
    const body = await withSigV4(base, signerOptions).get('items').text();

    expect(body).toBe('cached');
    expect(calls).toHaveLength(0);
  });

  it('stays signed through .extend(), and runs the hooks extend adds before signing', async () => {
    const { calls, fetch } = captureFetch();
    const signed = withSigV4(v.ky.create({ ...v.base(BASE), fetch }), signerOptions);
    const extended = signed.extend({
      headers: { 'x-more': '2' },
      hooks: { beforeRequest: [returnsRequestWith('x-later', '1')] },
    });
    await extended.get('items');
    await signed.get('items');

    expect(calls[0]?.request.headers.get('x-later')).toBe('1');
    expect(signedHeadersOf(calls[0]!.request)).toEqual(['host', 'x-amz-date', 'x-later', 'x-more']);
    expect(signedHeadersOf(calls[1]!.request)).toEqual(['host', 'x-amz-date']);
    for (const sent of calls) expect(verifyCaptured(sent, { credentials, now: NOW }).ok).toBe(true);
  });

  it('stays signed through .extend() with a function of the parent options', async () => {
    const { calls, fetch } = captureFetch();
    const signed = withSigV4(v.ky.create({ ...v.base(BASE), fetch, headers: { 'x-parent': 'p' } }), signerOptions);
    const extended = signed.extend((parent) => ({
      headers: { 'x-copied': new Headers(parent.headers as HeadersInit).get('x-parent') ?? 'none' },
    }));
    await extended.get('items');

    expect(calls[0]?.request.headers.get('x-copied')).toBe('p');
    expect(verifyCaptured(calls[0]!, { credentials, now: NOW }).ok).toBe(true);
  });

  it('leaves the instance it was given unsigned', async () => {
    const { calls, fetch } = captureFetch();
    const base = v.ky.create({ ...v.base(BASE), fetch });
    withSigV4(base, signerOptions);
    await base.get('items');

    expect(calls[0]?.request.headers.has('authorization')).toBe(false);
  });

  it('signs every attempt from hooks.init in ky 2, after the hooks of the instance and of the call', async () => {
    const { calls, fetch } = captureFetch([500, 200]);
    const sign = sigv4Hook(signerOptions);
    const api = v.ky.create({
      ...v.base(BASE),
      fetch,
      retry: { limit: 1, delay: () => 0 },
      hooks: { init: [sign], beforeRequest: [setsHeader('x-instance', '1')] } as never,
    });
    const call = api.get('items', { hooks: { beforeRetry: [returnsRequestWith('x-retry', '1')] } });
    if (v.major === 1) {
      // ky 1 has no init hook: the hook is never called there, and the README sends ky 1 to withSigV4.
      await call;
      expect(calls.map((c) => c.request.headers.has('authorization'))).toEqual([false, false]);
      return;
    }
    await call;

    expect(calls.map((c) => [c.request.headers.get('x-instance'), c.request.headers.get('x-retry')])).toEqual([
      ['1', null],
      ['1', '1'],
    ]);
    for (const sent of calls) expect(verifyCaptured(sent, { credentials, now: NOW }).ok).toBe(true);
  });

  it('refuses in beforeRequest and beforeRetry without hooks.init, before anything is sent', async () => {
    const { calls, fetch } = captureFetch([500, 200]);
    const sign = sigv4Hook(signerOptions);
    const api = v.ky.create({
      ...v.base(BASE),
      fetch,
      retry: { limit: 1, delay: () => 0 },
      hooks: { beforeRequest: [sign], beforeRetry: [sign] },
    });
    const error = await api.get('items').then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(isSigV4Error(error) && error.code).toBe('INVALID_OPTIONS');
    expect((error as Error).message).toContain('withSigV4');
    expect(calls).toHaveLength(0);
  });

  it('signs a body sent with onUploadProgress, which still reports its progress', async () => {
    const { calls, fetch } = captureFetch();
    const percents: number[] = [];
    const api = withSigV4(v.ky.create({ ...v.base(BASE), fetch, retry: 0 }), signerOptions);
    await api.post('upload', {
      body: 'with progress',
      onUploadProgress: (progress: { percent: number }) => {
        percents.push(progress.percent);
      },
    } as never);

    expect(text(calls[0]!.body)).toBe('with progress');
    expect(percents.at(-1)).toBe(1);
    expect(verifyCaptured(calls[0]!, { credentials, now: NOW }).ok).toBe(true);
  });

  it('lets a timeout abort the signed request', async () => {
    const neverAnswers = (input: RequestInfo | URL) =>
      new Promise<Response>((_resolve, reject) => {
        const { signal } = input as Request;
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    const api = withSigV4(v.ky.create({ ...v.base(BASE), fetch: neverAnswers, timeout: 50, retry: 0 }), signerOptions);
    const error = await api.get('slow').then(
      () => undefined,
      (e: unknown) => e,
    );

    expect((error as Error).name).toBe('TimeoutError');
  });
});

describe('sigv4Hook', () => {
  it('fails with INVALID_OPTIONS when called outside a ky hook list', () => {
    const sign = sigv4Hook(signerOptions);
    let error: unknown;
    try {
      sign('https://example.com');
    } catch (e) {
      error = e;
    }

    expect(isSigV4Error(error) && error.code).toBe('INVALID_OPTIONS');
    expect((error as Error).message).toContain('hooks.init');
  });

  it('accepts a shared signer', async () => {
    const { createSigner } = await import('@sigv4/core');
    const signer = createSigner(signerOptions);
    const { calls, fetch } = captureFetch();
    await KY_VERSIONS[0]!.ky.get(`${BASE}/x`, { fetch, hooks: { init: [sigv4Hook({ signer })] } as never });

    expect(calls[0]?.request.headers.get('x-amz-date')).toBe(AMZ_DATE);
    expect(verifyCaptured(calls[0]!, { credentials, now: NOW }).ok).toBe(true);
  });

  it('never puts the secret key or session token in its errors', async () => {
    const secrets = {
      accessKeyId: 'ASIAKYSECRETTEST',
      secretAccessKey: 'very/secret+key',
      sessionToken: 'session-token-secret',
    };
    // No region, and none to infer from a loopback host: signing fails after the credentials were read.
    const sign = sigv4Hook({ service: 'execute-api', credentials: secrets, now: () => NOW });
    const { calls, fetch } = captureFetch();
    const error = await KY_VERSIONS[0]!.ky
      .get('http://127.0.0.1:1/x', {
        fetch,
        retry: 0,
        headers: { 'x-amz-security-token': 'stale' },
        hooks: { init: [sign] } as never,
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );

    const dump = JSON.stringify(error) + String(error) + String((error as { cause?: unknown }).cause ?? '');
    expect(isSigV4Error(error) && error.code).toBe('REGION_UNRESOLVED');
    expect(dump).not.toContain('very/secret+key');
    expect(dump).not.toContain('session-token-secret');
    expect(calls).toHaveLength(0);
  });
});
