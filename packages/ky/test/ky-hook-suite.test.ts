/**
 * ky's own hook, retry and context tests (sindresorhus/ky `test/hooks.ts` and `test/context.ts`),
 * ported to run through `withSigV4` (ky 1 and ky 2) and through `sigv4Hook` in `hooks.init` (ky 2), and
 * what `sigv4Hook` does anywhere else. The server is a fetch double that re-verifies every request it
 * receives with the gateway's verifier.
 */

import type { KyInstance, Options } from 'ky';
import { HTTPError as HTTPError2 } from 'ky';
import { HTTPError as HTTPError1 } from 'ky1';
import { describe, expect, it } from 'vitest';
import { isSigV4Error, sigv4Hook, withSigV4 } from '../src/index.js';
import { type CapturedRequest, verifyCaptured } from './support/capture-fetch.js';
import { KY_VERSIONS } from './support/ky-versions.js';

const NOW = new Date('2026-03-04T05:06:07Z');
const credentials = { accessKeyId: 'AKIDKYHOOKSUITE', secretAccessKey: 'ky/hook/suite/secret/EXAMPLEKEY' };
const signerOptions = { region: 'eu-central-1', service: 'execute-api', credentials, now: () => NOW };
const URL_ = 'https://abc123.execute-api.eu-central-1.amazonaws.com/dev/';

type Hook = (...args: unknown[]) => unknown;
interface Hooks {
  beforeRequest?: Hook[];
  beforeRetry?: Hook[];
  afterResponse?: Hook[];
}
type CallOptions = Omit<Options, 'hooks'> & { hooks?: Hooks; context?: Record<string, unknown> };

/** The request a hook was given, in either calling convention. */
const requestOf = (args: unknown[]): Request =>
  args[0] instanceof Request ? args[0] : (args[0] as { request: Request }).request;
/** The state of a hook call: ky 2's one object, ky 1's third argument of beforeRequest. */
const stateOf = (args: unknown[]): { options: Record<string, unknown>; retryCount: number; error?: unknown } =>
  (args[0] instanceof Request ? { options: args[1], ...(args[2] as object) } : args[0]) as never;

/** A server behind a fetch double: answers with `respond`, and verifies the signature of each request. */
function verifyingServer(respond: (request: Request, body: string, count: number) => Response) {
  const received: Array<CapturedRequest & { verified: boolean }> = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const body = new Uint8Array(await request.arrayBuffer());
    const verified = verifyCaptured({ request, body }, { credentials, now: NOW }).ok;
    received.push({ request, body, verified });
    return respond(request, new TextDecoder().decode(body), received.length);
  };
  return { fetch, received };
}

const MODES = ['withSigV4', 'sigv4Hook'] as const;

// sigv4Hook with ky 1 refuses every request it sees (tests below the suite).
const CASES = KY_VERSIONS.flatMap((v) => MODES.map((mode) => ({ ...v, mode }))).filter(
  (c) => c.mode === 'withSigV4' || c.major === 2,
);

describe.each(CASES)("ky's hook tests with $name through $mode", (v) => {
  const HTTPError = v.major === 2 ? HTTPError2 : HTTPError1;
  const stop = (v.ky as unknown as { stop: symbol }).stop;
  const retry = (v.ky as unknown as { retry: (options: { request: Request }) => unknown }).retry;

  /** A signed client; in sigv4Hook mode (ky 2 only: ky 1 has no init hook) the hook goes in `hooks.init`, as documented. */
  function client(
    fetch: ReturnType<typeof verifyingServer>['fetch'],
    instance: { hooks?: Hooks } = {},
  ): (url: string, options?: CallOptions) => ReturnType<KyInstance['get']> {
    const api =
      v.mode === 'withSigV4'
        ? withSigV4(v.ky.create({ fetch, ...(instance as Options) }), signerOptions)
        : v.ky.create({ fetch, hooks: { ...instance.hooks, init: [sigv4Hook(signerOptions)] } as never });
    return (url, options) => api(url, options as Options);
  }

  const expectAllVerified = (received: Array<{ verified: boolean }>) => {
    expect(received.length).toBeGreaterThan(0);
    expect(received.map((r) => r.verified)).toEqual(received.map(() => true));
  };

  it('beforeRequest hook allows modifications', async () => {
    const server = verifyingServer(
      (_, body) => new Response(body, { headers: { 'content-type': 'application/json' } }),
    );
    const json = await client(server.fetch)(URL_, {
      method: 'post',
      json: { foo: true },
      hooks: {
        beforeRequest: [
          (...args) => {
            const body = JSON.parse(stateOf(args).options.body as string) as { foo: boolean };
            body.foo = false;
            return new Request(requestOf(args), { body: JSON.stringify(body) });
          },
        ],
      },
    }).json<{ foo: boolean }>();

    expect(json.foo).toBe(false);
    expectAllVerified(server.received);
  });

  it('beforeRequest hooks of the instance and of the call both run before the request is signed', async () => {
    const server = verifyingServer(() => new Response('ok'));
    await client(server.fetch, {
      hooks: {
        beforeRequest: [
          (...args) => {
            requestOf(args).headers.set('x-instance', '1');
          },
        ],
      },
    })(URL_, {
      hooks: {
        beforeRequest: [
          (...args) => {
            requestOf(args).headers.set('x-call', '1');
          },
        ],
      },
    });

    expect(server.received[0]?.request.headers.get('x-instance')).toBe('1');
    expect(server.received[0]?.request.headers.get('x-call')).toBe('1');
    expectAllVerified(server.received);
  });

  it('beforeRequest hook runs once in ky 2 (per attempt in ky 1), and every attempt is signed afresh', async () => {
    const server = verifyingServer(
      (_, __, count) =>
        new Response(count === 1 ? 'first-attempt' : 'second-attempt-success', { status: count === 1 ? 500 : 200 }),
    );
    const retryCounts: number[] = [];
    const text = await client(server.fetch)(URL_, {
      retry: { limit: 1, delay: () => 0 },
      hooks: {
        beforeRequest: [
          (...args) => {
            retryCounts.push(stateOf(args).retryCount);
          },
        ],
      },
    }).text();

    expect(text).toBe('second-attempt-success');
    expect(retryCounts).toEqual(v.major === 2 ? [0] : [0, 1]);
    expect(server.received).toHaveLength(2);
    expectAllVerified(server.received);
  });

  it('beforeRetry hook allows modifications of non initial requests', async () => {
    const server = verifyingServer((request, _, count) =>
      count > 1 ? new Response(request.headers.get('unicorn')) : new Response(null, { status: 408 }),
    );
    const text = await client(server.fetch)(URL_, {
      retry: { limit: 2, delay: () => 0 },
      hooks: {
        beforeRetry: [
          (...args) => {
            requestOf(args).headers.set('unicorn', 'fixture');
          },
        ],
      },
    }).text();

    expect(text).toBe('fixture');
    expectAllVerified(server.received);
  });

  it('beforeRetry hook is called with error and retryCount', async () => {
    const server = verifyingServer((_, __, count) =>
      count > 1 ? new Response('ok') : new Response(null, { status: 408 }),
    );
    const seen: Array<[boolean, number]> = [];
    await client(server.fetch)(URL_, {
      retry: { limit: 2, delay: () => 0 },
      hooks: {
        beforeRetry: [
          (...args) => {
            const { error, retryCount } = stateOf(args);
            seen.push([error instanceof HTTPError, retryCount]);
          },
        ],
      },
    });

    expect(seen).toEqual([[true, 1]]);
    expectAllVerified(server.received);
  });

  it('beforeRetry hook can cancel retries by returning `stop`', async () => {
    const server = verifyingServer(() => new Response(null, { status: 408 }));
    const result = await client(server.fetch)(URL_, {
      retry: { limit: 2, delay: () => 0 },
      hooks: {
        beforeRetry: [
          (...args) => {
            expect(stateOf(args).retryCount).toBe(1);
            return stop as never;
          },
        ],
      },
    });

    expect(result).toBeUndefined();
    expect(server.received).toHaveLength(1);
    expectAllVerified(server.received);
  });

  it('hooks beforeRequest returning Response skips HTTP Request', async () => {
    const server = verifyingServer(() => new Response('server'));
    const text = await client(server.fetch)(URL_, { hooks: { beforeRequest: [() => new Response('hook')] } }).text();

    expect(text).toBe('hook');
    expect(server.received).toHaveLength(0);
  });

  it('beforeRequest hook can return modified Request with new URL', async () => {
    const server = verifyingServer((request) => new Response(new URL(request.url).pathname));
    const text = await client(server.fetch)(URL_, {
      hooks: { beforeRequest: [(...args) => new Request(`${URL_}modified`, requestOf(args))] },
    }).text();

    expect(text).toBe('/dev/modified');
    expectAllVerified(server.received);
  });

  it('beforeRetry hook can return Response to skip retry', async () => {
    const server = verifyingServer(() => new Response(null, { status: 500 }));
    const text = await client(server.fetch)(URL_, {
      retry: { limit: 2, delay: () => 0 },
      hooks: { beforeRetry: [() => new Response('from beforeRetry')] },
    }).text();

    expect(text).toBe('from beforeRetry');
    expect(server.received).toHaveLength(1);
    expectAllVerified(server.received);
  });

  it('context is preserved across retries', async () => {
    const server = verifyingServer((_, __, count) =>
      count <= 2 ? new Response(null, { status: 500 }) : Response.json({ success: true }),
    );
    const context = { id: 'session' };
    const contexts: unknown[] = [];
    let retries = 0;
    await client(server.fetch)(URL_, {
      context,
      retry: { limit: 2, delay: () => 0 },
      hooks: {
        beforeRequest: [
          (...args) => {
            contexts.push(stateOf(args).options.context);
          },
        ],
        beforeRetry: [
          (...args) => {
            contexts.push(stateOf(args).options.context);
            retries++;
          },
        ],
      },
    }).json();

    expect(retries).toBe(2);
    for (const seen of contexts) expect(seen).toEqual(context);
    expect(server.received).toHaveLength(3);
    expectAllVerified(server.received);
  });

  it('afterResponse hook can refresh a token on 401 and retry once with the new header signed', async () => {
    const server = verifyingServer((request) =>
      request.headers.get('x-token') === 'fresh'
        ? Response.json({ success: true })
        : new Response(null, { status: 401 }),
    );
    const result = await client(server.fetch, {
      hooks: {
        afterResponse: [
          (...args) => {
            // ky 1 calls afterResponse with (request, options, response, state), ky 2 with one state object.
            const { response, retryCount } = (
              args[0] instanceof Request ? { response: args[2], ...(args[3] as object) } : args[0]
            ) as { response: Response; retryCount: number };
            if (response.status !== 401 || retryCount !== 0) return undefined;
            const headers = new Headers(requestOf(args).headers);
            headers.set('x-token', 'fresh');
            return retry({ request: new Request(requestOf(args), { headers }) });
          },
        ],
      },
    })(URL_, { headers: { 'x-token': 'expired' }, retry: { limit: 2, delay: () => 0 } }).json();

    expect(result).toEqual({ success: true });
    expect(server.received).toHaveLength(2);
    expectAllVerified(server.received);
  });
  it('beforeRetry hook can return modified Request with new URL', async () => {
    const server = verifyingServer((request, _, count) =>
      count === 1 ? new Response(null, { status: 500 }) : new Response(new URL(request.url).pathname),
    );
    const text = await client(server.fetch)(URL_, {
      retry: { limit: 1, delay: () => 0 },
      hooks: { beforeRetry: [(...args) => new Request(`${URL_}retried`, requestOf(args))] },
    }).text();

    expect(text).toBe('/dev/retried');
    expectAllVerified(server.received);
  });

  it("hooks beforeRequest returning Request keep ky's own rule for the hooks after it, and the result is signed", async () => {
    const server = verifyingServer(() => new Response('ok'));
    const ran: string[] = [];
    await client(server.fetch)(URL_, {
      hooks: {
        beforeRequest: [
          (...args) => {
            ran.push('first');
            return new Request(requestOf(args), { headers: { 'x-first': '1' } });
          },
          () => {
            ran.push('second');
          },
        ],
      },
    });

    expect(ran).toEqual(v.major === 2 ? ['first', 'second'] : ['first']);
    expect(server.received[0]?.request.headers.get('x-first')).toBe('1');
    expectAllVerified(server.received);
  });

  it('signs with a fetch passed to a single call', async () => {
    const server = verifyingServer(() => new Response('ok'));
    const api =
      v.mode === 'withSigV4'
        ? withSigV4(v.ky.create({}), signerOptions)
        : v.ky.create({ hooks: { init: [sigv4Hook(signerOptions)] } as never });
    await api.get(URL_, { fetch: server.fetch });

    expectAllVerified(server.received);
  });
});

describe.each(KY_VERSIONS)('sigv4Hook outside hooks.init with $name', (v) => {
  const sign = sigv4Hook(signerOptions);
  const replaceBody = (...args: unknown[]) => {
    const body = JSON.parse(stateOf(args).options.body as string) as { foo: boolean };
    return new Request(requestOf(args), { body: JSON.stringify({ ...body, foo: false }) });
  };
  const newUrl = (...args: unknown[]) => new Request(`${URL_}modified`, requestOf(args));

  /** Rejects with the SigV4Error that names the fix; the server never saw a request. */
  async function expectRefused(call: Promise<unknown>, received: unknown[]) {
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isSigV4Error(error) && error.code).toBe('INVALID_OPTIONS');
    expect((error as Error).message).toContain('hooks.init');
    expect(received).toHaveLength(0);
  }

  it.each([
    ['first', (hook: Hook) => [sign, hook]],
    ['last', (hook: Hook) => [hook, sign]],
  ])('beforeRequest hook allows modifications: refused with sigv4Hook %s in beforeRequest', async (place, list) => {
    const server = verifyingServer((_, body) => new Response(body));
    const call = v.ky.create({ fetch: server.fetch, retry: 0 }).post(URL_, {
      json: { foo: true },
      hooks: { beforeRequest: list(replaceBody) as never },
    });
    // ky 1 ends the list at a returned Request, so a hook placed after it is never called: the one case no hook can refuse.
    if (v.major === 1 && place === 'last') {
      await call;
      expect(server.received.map((r) => r.request.headers.has('authorization'))).toEqual([false]);
      return;
    }
    await expectRefused(call, server.received);
  });

  it('beforeRequest hook can return modified Request with new URL: refused with sigv4Hook first in beforeRequest', async () => {
    const server = verifyingServer(() => new Response('ok'));
    await expectRefused(
      v.ky.create({ fetch: server.fetch, retry: 0 }).get(URL_, { hooks: { beforeRequest: [sign, newUrl] as never } }),
      server.received,
    );
  });

  it('refuses in beforeRetry before a retry leaves with a stale signature', async () => {
    const server = verifyingServer((_, __, count) => new Response(null, { status: count === 1 ? 500 : 200 }));
    // withSigV4 signs the first attempt; the misplaced hook refuses the retry, whose copy carries that signature.
    const api = withSigV4(v.ky.create({ fetch: server.fetch }), signerOptions);
    const call = api.get(URL_, { retry: { limit: 1, delay: () => 0 }, hooks: { beforeRetry: [sign] as never } });

    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(isSigV4Error(error) && error.code).toBe('INVALID_OPTIONS');
    expect(server.received.map((r) => r.verified)).toEqual([true]);
  });

  it('is a no-op in beforeRequest and beforeRetry when it is in hooks.init too (ky 2)', async () => {
    const server = verifyingServer((_, __, count) => new Response(null, { status: count === 1 ? 500 : 200 }));
    const api = v.ky.create({
      fetch: server.fetch,
      retry: { limit: 1, delay: () => 0 },
      hooks: { init: [sign], beforeRequest: [sign, newUrl], beforeRetry: [sign] } as never,
    });
    if (v.major === 1) {
      await expectRefused(api.get(URL_), server.received);
      return;
    }
    await api.get(URL_);

    expect(server.received.map((r) => [new URL(r.request.url).pathname, r.verified])).toEqual([
      ['/dev/modified', true],
      ['/dev/modified', true],
    ]);
  });
});
