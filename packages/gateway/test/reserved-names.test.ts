import { createSigner, type Signer } from '@sigv4/core';
import { type Gateway, type ProxyEvent, startGateway, TEST_CREDENTIALS } from '@sigv4/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRaw } from './support/raw-socket.js';

/**
 * Query and header names are chosen by the client, so names that are also
 * properties of `Object.prototype` must be ordinary keys everywhere the
 * gateway turns them into object keys (proxy event, wire record, echo JSON).
 */
const FIXED_NOW = Date.parse('2026-01-15T12:00:00Z');
const RESERVED = ['valueOf', 'toString', 'hasOwnProperty', '__proto__', 'constructor'] as const;

let echo: Gateway;
let mirror: Gateway;
let signer: Signer;
const events: ProxyEvent[] = [];
beforeAll(async () => {
  echo = await startGateway({ now: () => FIXED_NOW });
  // answers with the maps of its event, to see what a Lambda would get
  mirror = await startGateway({
    now: () => FIXED_NOW,
    handler: (event) => {
      events.push(event);
      return {
        statusCode: 200,
        // a handler may answer with names it read from the request
        multiValueHeaders: JSON.parse('{"__proto__":["p"],"constructor":["c"]}') as Record<string, string[]>,
        body: JSON.stringify({
          headers: event.headers,
          multiValueHeaders: event.multiValueHeaders,
          query: event.queryStringParameters,
          multiQuery: event.multiValueQueryStringParameters,
        }),
      };
    },
  });
  signer = createSigner({
    region: echo.region,
    service: echo.service,
    credentials: TEST_CREDENTIALS,
    now: () => FIXED_NOW,
  });
});
afterAll(async () => {
  await echo.close();
  await mirror.close();
});

async function signedGet(url: string, headers?: Headers): Promise<{ status: number; json: Record<string, unknown> }> {
  const signed = await signer.sign({ url, ...(headers ? { headers } : {}) });
  const res = await fetch(signed.url, { method: signed.method, headers: signed.headers });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return { status: res.status, json: JSON.parse(text) as Record<string, unknown> };
}

describe('query and header names that are Object.prototype properties', () => {
  it('echoes ?valueOf=1&__proto__=2&toString=3&constructor=4&hasOwnProperty=5 with 200', async () => {
    const { json } = await signedGet(
      `${echo.url}/items?valueOf=1&__proto__=2&toString=3&constructor=4&hasOwnProperty=5`,
    );
    expect(json.message).toBe('API Called');
    // JSON.parse makes "__proto__" an own key, so compare the entries rather than through a literal
    expect(Object.entries(json.params as object)).toEqual([
      ['valueOf', '1'],
      ['__proto__', '2'],
      ['toString', '3'],
      ['constructor', '4'],
      ['hasOwnProperty', '5'],
    ]);
  });

  it('keeps every value of a repeated reserved name in multiValueQueryStringParameters', async () => {
    const { json } = await signedGet(`${mirror.url}/q?constructor=a&constructor=b&__proto__=c&__proto__=d&valueOf=e`);
    expect(Object.entries(json.query as object)).toEqual([
      ['constructor', 'b'],
      ['__proto__', 'd'],
      ['valueOf', 'e'],
    ]);
    expect(Object.entries(json.multiQuery as object)).toEqual([
      ['constructor', ['a', 'b']],
      ['__proto__', ['c', 'd']],
      ['valueOf', ['e']],
    ]);
  });

  it('hands header names like x-constructor and the bare reserved names, in their case, to the handler and records them', async () => {
    const before = mirror.requests.length;
    const signedPairs: Array<[string, string]> = [
      ['x-constructor', 's0'],
      ['X-__proto__', 's1'],
      ['x-valueOf', 's2'],
    ];
    // the bare names travel unsigned: they reach the handler all the same, and no signer has to cope with them
    const unsignedPairs = RESERVED.map((name, i): [string, string] => [name, `u${i}`]);
    const pairs = [...signedPairs, ...unsignedPairs];
    const url = `${mirror.url}/h`;
    const signed = await signer.sign({ url, headers: signedPairs });
    // a raw socket, so the names go out in their own case (fetch would lower-case them)
    const lines = [`GET ${new URL(signed.url).pathname} HTTP/1.1`, `Host: ${new URL(url).host}`];
    for (const [name, value] of Object.entries(signed.headers)) {
      const original = signedPairs.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[0] ?? name;
      lines.push(`${original}: ${value}`);
    }
    for (const [name, value] of unsignedPairs) lines.push(`${name}: ${value}`);
    const res = await sendRaw(url, Buffer.from(`${lines.join('\r\n')}\r\nConnection: close\r\n\r\n`, 'utf8'));
    expect(res.status, res.body).toBe(200);
    // biome-ignore lint/suspicious/noProto: the header named `__proto__` is the point of this test
    expect([res.headers['__proto__'], res.headers['constructor']]).toEqual(['p', 'c']);
    const json = JSON.parse(res.body) as Record<string, object>;
    const received = new Map(Object.entries(json.headers ?? {}));
    const multi = new Map(Object.entries(json.multiValueHeaders ?? {}));
    for (const [name, value] of pairs) {
      expect(received.get(name), name).toBe(value);
      expect(multi.get(name), name).toEqual([value]);
    }
    const record = mirror.requests[before];
    expect(record?.status).toBe(200);
    for (const [name, value] of pairs) {
      const key = name.toLowerCase();
      expect(record && Object.hasOwn(record.headers, key) ? record.headers[key] : undefined, key).toBe(value);
    }
    // absent reserved names read as undefined, not as inherited functions
    const event = events[events.length - 1];
    expect(event?.queryStringParameters).toBeNull();
    expect(event?.headers?.['isPrototypeOf']).toBeUndefined();
  });
});

describe('reserved header names signed by @sigv4/core', () => {
  it('accepts a `constructor` header signed by core and sent by fetch', async () => {
    const signed = await signer.sign({
      method: 'GET',
      url: `${echo.url}/x`,
      headers: { constructor: 'c', valueOf: 'v' },
    });
    const before = echo.requests.length;
    const res = await fetch(signed.url, { headers: signed.headers });
    expect(res.status).toBe(200);
    expect(echo.requests[before]?.headers.constructor).toBe('c');
  });
});
