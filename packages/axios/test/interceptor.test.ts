import { Readable } from 'node:stream';
import { isSigV4Error, type SignableRequest, SigV4Error } from '@sigv4/core';
import axios, { type AxiosHeaders, type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { attachSigV4, sigv4Interceptor } from '../src/index.js';
import { bodyBytes, CREDENTIALS, ORIGIN, recordingSigner } from './helpers.js';

interface Received {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

let received: Received[] = [];

beforeAll(() => {
  nock.disableNetConnect();
});
afterAll(() => {
  nock.enableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  received = [];
});

/** Answers every request to ORIGIN with `status` and records it as a fetch Request. */
function intercept(status = 200, times = 1): void {
  for (const method of ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const) {
    nock(ORIGIN)
      [method](() => true)
      .query(true)
      .times(times)
      .reply(async (request: Request) => {
        received.push({
          method: request.method,
          url: request.url,
          headers: Object.fromEntries(request.headers),
          body: Buffer.from(await request.arrayBuffer()),
        });
        return [status, '{"ok":true}', { 'content-type': 'application/json' }];
      });
  }
}

function setup(config: Parameters<typeof axios.create>[0] = {}, fail?: Error) {
  const signer = recordingSigner(fail);
  const api = axios.create({ baseURL: `${ORIGIN}/dev/`, ...config });
  attachSigV4(api, { signer });
  return { api, signer, calls: signer.calls };
}

function only<T>(list: T[]): T {
  expect(list).toHaveLength(1);
  return list[0]!;
}

function signedHeaders(call: SignableRequest): Record<string, string | string[]> {
  return call.headers as Record<string, string | string[]>;
}

/** Sends one request and checks that what went out is what was signed: URL, every signed header, body bytes. */
async function send(api: AxiosInstance, calls: SignableRequest[], config: Parameters<AxiosInstance['request']>[0]) {
  received = [];
  calls.length = 0;
  intercept();
  const response = await api.request(config);
  const call = only(calls);
  const sent = only(received);
  expect(sent.url).toBe(String(call.url));
  expect(sent.method).toBe(call.method);
  for (const [name, value] of Object.entries(signedHeaders(call))) {
    expect(sent.headers[name], name).toBe(Array.isArray(value) ? value.join(', ') : value);
  }
  expect(sent.body.equals(bodyBytes(call.body))).toBe(true);
  expect(sent.headers['authorization']).toBe('AWS4-HMAC-SHA256 attempt=1');
  return { response, call, sent };
}

describe('the URL that is signed is the URL axios sends', () => {
  it('joins baseURL and a relative url the way axios does', async () => {
    const { api, calls } = setup();
    const { call } = await send(api, calls, { url: '/items/42' });
    expect(call.url).toBe(`${ORIGIN}/dev/items/42`);
  });

  it('uses an absolute url as it is unless allowAbsoluteUrls is false', async () => {
    const { api, calls } = setup();
    const { call } = await send(api, calls, { url: `${ORIGIN}/other/path` });
    expect(call.url).toBe(`${ORIGIN}/other/path`);

    const strict = setup({ allowAbsoluteUrls: false });
    const combined = await send(strict.api, strict.calls, { url: 'https://elsewhere.example.com/x' });
    expect(combined.call.url).toBe(`${ORIGIN}/dev/https://elsewhere.example.com/x`);
  });

  it('folds params into the URL with the default serializer: spaces, unicode, arrays, *, ~ and quotes', async () => {
    const { api, calls } = setup();
    const { call } = await send(api, calls, {
      url: 'search',
      params: { q: "a b*~'(x)", city: 'Zürich', tags: ['x', 'y'], empty: '', skip: undefined },
    });
    const url = new URL(String(call.url));
    expect(url.searchParams.get('q')).toBe("a b*~'(x)");
    expect(url.searchParams.get('city')).toBe('Zürich');
    expect(url.searchParams.getAll('tags[]')).toEqual(['x', 'y']);
    expect(url.searchParams.has('skip')).toBe(false);
    // the same string axios' own getUri builds, normalized the way the adapters parse it
    expect(call.url).toBe(
      new URL(api.getUri({ url: 'search', params: { q: "a b*~'(x)", city: 'Zürich', tags: ['x', 'y'], empty: '' } }))
        .href,
    );
  });

  it("uses the instance's custom paramsSerializer function", async () => {
    const { api, calls } = setup({
      paramsSerializer: (params: Record<string, string>) =>
        Object.entries(params)
          .map(([k, v]) => `${k}=${encodeURIComponent(v).toUpperCase()}`)
          .join('&'),
    });
    const { call } = await send(api, calls, { url: 'x', params: { b: 'hé y', a: '1' } });
    expect(call.url).toBe(`${ORIGIN}/dev/x?b=H%C3%A9%20Y&a=1`);
  });

  it('uses the { encode } and { serialize } forms of paramsSerializer', async () => {
    const encoded = setup({ paramsSerializer: { encode: (value: string) => `enc-${value}` } });
    const first = await send(encoded.api, encoded.calls, { url: 'x', params: { a: 'b' } });
    expect(first.call.url).toBe(`${ORIGIN}/dev/x?enc-a=enc-b`);

    const serialized = setup({ paramsSerializer: { serialize: () => 'fixed=1' } });
    const second = await send(serialized.api, serialized.calls, { url: 'x', params: { a: 'b' } });
    expect(second.call.url).toBe(`${ORIGIN}/dev/x?fixed=1`);
  });

  it('appends params to a url that already has a query and drops the fragment', async () => {
    const { api, calls } = setup();
    const { call } = await send(api, calls, { url: 'x?client=axios#frag', params: { page: 2 } });
    expect(call.url).toBe(`${ORIGIN}/dev/x?client=axios&page=2`);
  });

  it('upper-cases the method for the signer and keeps axios lower-case', async () => {
    const { api, calls } = setup();
    const { call } = await send(api, calls, { url: 'x', method: 'PaTcH', data: 'a' });
    expect(call.method).toBe('PATCH');
  });
});

describe('the body that is signed is the body axios sends, serialized once', () => {
  it('signs a JSON object as axios serializes it, with its content-type', async () => {
    const { api, calls } = setup();
    const { call, sent } = await send(api, calls, {
      url: 'items',
      method: 'post',
      data: { client: 'axios', n: [1, 2] },
    });
    expect(call.body).toBe('{"client":"axios","n":[1,2]}');
    expect(signedHeaders(call)['content-type']).toBe('application/json');
    expect(sent.body.toString()).toBe('{"client":"axios","n":[1,2]}');
  });

  it('runs transformRequest exactly once', async () => {
    let runs = 0;
    const { api, calls } = setup({
      transformRequest: [
        (data: unknown) => {
          runs += 1;
          return `${String(data)}!`;
        },
      ],
    });
    const { sent } = await send(api, calls, { url: 'x', method: 'put', data: 'hello' });
    expect(runs).toBe(1);
    expect(sent.body.toString()).toBe('hello!');
  });

  it('signs URLSearchParams as a form and a string as it is', async () => {
    const { api, calls } = setup();
    const form = await send(api, calls, { url: 'x', method: 'post', data: new URLSearchParams({ a: 'b c', d: 'é' }) });
    expect(form.call.body).toBe('a=b+c&d=%C3%A9');
    expect(signedHeaders(form.call)['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
  });

  it('labels the charset of a string body UTF-8 before signing, as XHR relabels it after', async () => {
    const { api, calls } = setup();
    const json = await send(api, calls, {
      url: 'x',
      method: 'post',
      data: { a: 'é' },
      headers: { 'Content-Type': 'application/json; charset=utf-8; profile="x"' },
    });
    expect(signedHeaders(json.call)['content-type']).toBe('application/json; charset=UTF-8; profile="x"');
    expect(json.sent.headers['content-type']).toBe('application/json; charset=UTF-8; profile="x"');

    // bytes are sent as they are: their charset label is the caller's
    const raw = setup();
    const bytes = await send(raw.api, raw.calls, {
      url: 'x',
      method: 'post',
      data: Buffer.from('abc'),
      headers: { 'Content-Type': 'text/plain; charset=iso-8859-1' },
    });
    expect(signedHeaders(bytes.call)['content-type']).toBe('text/plain; charset=iso-8859-1');
  });

  it('signs Buffer, ArrayBuffer and typed-array bodies byte for byte', async () => {
    for (const data of [Buffer.from([0, 1, 255]), new Uint8Array([0, 1, 255]).buffer, new Uint16Array([1, 65535])]) {
      const { api, calls } = setup();
      const { sent } = await send(api, calls, {
        url: 'bin',
        method: 'post',
        data,
        headers: { 'Content-Type': 'application/octet-stream' },
      });
      expect(sent.body.length).toBeGreaterThan(0);
    }
  });

  it('signs a Blob and a FormData body as the bytes that are sent', async () => {
    const blob = setup();
    const fromBlob = await send(blob.api, blob.calls, {
      url: 'b',
      method: 'post',
      data: new Blob(['blob body'], { type: 'text/plain' }),
    });
    expect(fromBlob.sent.body.toString()).toBe('blob body');
    expect(signedHeaders(fromBlob.call)['content-type']).toBe('text/plain');

    const form = new FormData();
    form.append('field', 'value');
    const multi = setup();
    const fromForm = await send(multi.api, multi.calls, { url: 'f', method: 'post', data: form });
    expect(String(signedHeaders(fromForm.call)['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    expect(fromForm.sent.body.toString()).toContain('name="field"');
  });

  it('sends no body and does not sign content-type when there is no data', async () => {
    const { api, calls } = setup();
    const { call, sent } = await send(api, calls, { url: 'x', method: 'post' });
    expect(call.body).toBeUndefined();
    expect(sent.body.length).toBe(0);
    expect(signedHeaders(call)).not.toHaveProperty('content-type');
  });

  it('hands a stream to the signer untouched (UNSIGNED-PAYLOAD is the signer’s decision)', async () => {
    const { api, calls } = setup();
    const stream = Readable.from([Buffer.from('streamed')]);
    intercept();
    await api.post('up', stream, { headers: { 'Content-Type': 'application/octet-stream' } });
    expect(only(calls).body).toBe(stream);
    expect(only(received).body.toString()).toBe('streamed');
  });
});

describe('headers', () => {
  it('signs every header the caller set, including common and per-method defaults', async () => {
    const { api, calls } = setup({
      headers: { common: { 'X-Team': 'blue' }, post: { 'X-Post-Only': 'yes' }, get: { 'X-Get-Only': 'no' } },
    });
    const { call } = await send(api, calls, {
      url: 'x',
      method: 'post',
      data: 'a',
      headers: { 'X-Custom': ' padded ', 'x-api-key': 'k1' },
    });
    const headers = signedHeaders(call);
    expect(headers).toMatchObject({ 'x-team': 'blue', 'x-post-only': 'yes', 'x-custom': 'padded', 'x-api-key': 'k1' });
    expect(headers['accept']).toBe('application/json, text/plain, */*');
    expect(headers).not.toHaveProperty('x-get-only');
  });

  it('never signs User-Agent, Accept-Encoding, Content-Length or Connection, even when set', async () => {
    const { api, calls } = setup();
    const { call, sent } = await send(api, calls, {
      url: 'x',
      method: 'put',
      data: 'abc',
      headers: {
        'User-Agent': 'mine/1',
        'Accept-Encoding': 'identity',
        'Content-Length': '3',
        Connection: 'keep-alive',
      },
    });
    for (const name of ['user-agent', 'accept-encoding', 'content-length', 'connection']) {
      expect(signedHeaders(call)).not.toHaveProperty(name);
    }
    expect(sent.headers['user-agent']).toBe('mine/1');
  });

  it('does not sign or send headers set to false, null or undefined', async () => {
    const { api, calls } = setup();
    const { call, sent } = await send(api, calls, {
      url: 'x',
      headers: { 'X-Off': false, 'X-Null': null, Accept: undefined } as never,
    });
    expect(signedHeaders(call)).not.toHaveProperty('x-off');
    expect(sent.headers).not.toHaveProperty('x-off');
    expect(sent.headers).not.toHaveProperty('x-null');
  });

  it('signs the default form content-type axios adds to a POST with a string body', async () => {
    const { api, calls } = setup();
    const { call, sent } = await send(api, calls, { url: 'x', method: 'post', data: 'a=1' });
    expect(signedHeaders(call)['content-type']).toBe('application/x-www-form-urlencoded');
    expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('signs non-ASCII header values as UTF-8 and hands the adapter exactly those bytes', async () => {
    const signer = recordingSigner();
    let atAdapter: InternalAxiosRequestConfig | undefined;
    const api = axios.create({
      baseURL: ORIGIN,
      adapter: async (config) => {
        atAdapter = config;
        return { data: '', status: 200, statusText: 'OK', headers: {}, config };
      },
    });
    attachSigV4(api, { signer });
    const first = await api.get('/x', { headers: { 'X-Odd': ' snow \u2603 Jos\u00e9\u0007 ' } });
    expect(signedHeaders(only(signer.calls))['x-odd']).toBe('snow \u2603 Jos\u00e9');
    const onWire = String(atAdapter!.headers.get('X-Odd'));
    expect(Buffer.from(onWire, 'latin1').toString('utf8')).toBe('snow \u2603 Jos\u00e9');

    // sent again (a retry): the value is not encoded a second time
    await api.request(first.config);
    expect(signedHeaders(signer.calls[1]!)['x-odd']).toBe('snow \u2603 Jos\u00e9');
    expect(String(atAdapter!.headers.get('X-Odd'))).toBe(onWire);
  });

  it('replaces a caller-supplied X-Amz-Date', async () => {
    const api = axios.create({ baseURL: ORIGIN });
    attachSigV4(api, { region: 'eu-central-1', service: 'execute-api', credentials: CREDENTIALS });
    intercept();
    await api.get('x', { headers: { 'X-Amz-Date': '19990101T000000Z' } });
    expect(only(received).headers['x-amz-date']).not.toBe('19990101T000000Z');
  });

  it("sends the signer's session token once in place of a caller's, whatever its letter case", async () => {
    const api = axios.create({ baseURL: ORIGIN });
    const credentials = { ...CREDENTIALS, sessionToken: 'signer-token' };
    attachSigV4(api, { region: 'eu-central-1', service: 'execute-api', credentials });
    intercept();
    await api.get('x', { headers: { 'X-AMZ-Security-Token': 'caller-token' } });
    expect(only(received).headers['x-amz-security-token']).toBe('signer-token');
  });

  it('refuses a caller-supplied Authorization with INVALID_OPTIONS and sends nothing', async () => {
    const api = axios.create({ baseURL: ORIGIN });
    attachSigV4(api, { region: 'eu-central-1', service: 'execute-api', credentials: CREDENTIALS });
    intercept();
    const error = await api.get('x', { headers: { Authorization: 'Bearer t' } }).catch((e: unknown) => e);
    expect((error as SigV4Error).code).toBe('INVALID_OPTIONS');
    expect((error as SigV4Error).message).toContain('Authorization');
    expect(received).toHaveLength(0);
    nock.cleanAll();
  });
});

describe('failures and retries', () => {
  it('rejects with the signer’s SigV4Error and sends nothing', async () => {
    const { api } = setup({}, new SigV4Error('CREDENTIALS_MISSING', 'no credentials'));
    intercept();
    const error = await api.get('x').catch((e: unknown) => e);
    expect(isSigV4Error(error)).toBe(true);
    expect((error as SigV4Error).code).toBe('CREDENTIALS_MISSING');
    expect(received).toHaveLength(0);
  });

  it('rejects config.auth and user:password URLs instead of sending them without the signature', async () => {
    const { api } = setup();
    intercept();
    const auth = await api.get('x', { auth: { username: 'u', password: 'p' } }).catch((e: unknown) => e);
    expect((auth as SigV4Error).code).toBe('INVALID_OPTIONS');
    const userinfo = await api.get('https://u:p@example.com/x').catch((e: unknown) => e);
    expect((userinfo as SigV4Error).code).toBe('INVALID_URL');
    expect(received).toHaveLength(0);
  });

  it('rejects a relative URL without baseURL with INVALID_URL', async () => {
    const signer = recordingSigner();
    const api = axios.create();
    api.interceptors.request.use(sigv4Interceptor({ signer }));
    const error = await api.get('/relative?secret=1').catch((e: unknown) => e);
    expect((error as SigV4Error).code).toBe('INVALID_URL');
    expect((error as SigV4Error).message).not.toContain('secret');
  });

  it('signs a re-sent config afresh: stale signing headers removed, URL and body unchanged', async () => {
    const { api, calls } = setup({ params: { stage: 'dev' } });
    intercept(503);
    const error = (await api
      .post(
        'items',
        { client: 'axios' },
        { params: { q: 'a b' }, headers: { 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' } },
      )
      .catch((e: unknown) => e)) as { config: Parameters<AxiosInstance['request']>[0] };
    intercept(200);
    // what axios-retry does: send the failed attempt's config again through the same instance
    await api.request({ ...error.config, transformRequest: [(data: unknown) => data] });
    expect(calls).toHaveLength(2);
    const [first, second] = calls as [SignableRequest, SignableRequest];
    expect(second.url).toBe(first.url);
    expect(new URL(String(second.url)).searchParams.getAll('stage')).toEqual(['dev']);
    expect(second.body).toBe(first.body);
    expect(signedHeaders(first)['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
    for (const stale of ['authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256']) {
      expect(signedHeaders(second)).not.toHaveProperty(stale);
    }
    expect(received.map((r) => r.headers['authorization'])).toEqual([
      'AWS4-HMAC-SHA256 attempt=1',
      'AWS4-HMAC-SHA256 attempt=2',
    ]);
    expect(received[1]!.body.equals(received[0]!.body)).toBe(true);
  });

  it('stops signing after the function returned by attachSigV4 is called', async () => {
    const signer = recordingSigner();
    const api = axios.create({ baseURL: ORIGIN });
    const detach = attachSigV4(api, { signer });
    intercept(200, 2);
    await api.get('/a');
    detach();
    await api.get('/b');
    expect(signer.calls).toHaveLength(1);
    expect(received[1]!.headers).not.toHaveProperty('authorization');
  });

  it('rejects unusable options with INVALID_OPTIONS', () => {
    expect(() => sigv4Interceptor(null as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
    expect(() => sigv4Interceptor({ signer: {} as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });

  it('signs a plain headers object that another interceptor put on the config', async () => {
    const signer = recordingSigner();
    const api = axios.create({ baseURL: ORIGIN });
    api.interceptors.request.use(sigv4Interceptor({ signer }));
    // registered later, so it runs first (axios runs request interceptors last-in first-out)
    api.interceptors.request.use((config) => {
      config.headers = { 'X-Own': '3', Accept: 'text/plain' } as unknown as AxiosHeaders;
      return config;
    });
    intercept();
    await api.post('/x', 'body');
    expect(signedHeaders(only(signer.calls))).toMatchObject({ 'x-own': '3', accept: 'text/plain' });
    expect(only(received).headers['x-own']).toBe('3');
  });
});
