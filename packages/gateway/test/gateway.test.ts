import { type Gateway, type ProxyEvent, TEST_API_KEY, TEST_CREDENTIALS } from '@sigv4/gateway';
import { describe, expect, it } from 'vitest';
import { startGatewayPerTest } from '../../../test-support/gateway.js';
import { smithySign, type TestCredentials } from './support/smithy-sign.js';

const start = startGatewayPerTest();

async function signedFetch(
  g: Gateway,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; credentials?: TestCredentials } = {},
): Promise<Response> {
  const s = await smithySign({
    url: `${g.url}${path}`,
    credentials: init.credentials ?? TEST_CREDENTIALS,
    region: g.region,
    service: g.service,
    ...(init.method ? { method: init.method } : {}),
    ...(init.headers ? { headers: init.headers } : {}),
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  return fetch(s.url, s.init);
}

describe('startGateway', () => {
  it('serves the API under the stage and STS on its own port of 127.0.0.1', async () => {
    const g = await start();
    expect(g.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dev$/);
    expect(g.stsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(new URL(g.url).port).not.toBe(new URL(g.stsUrl).port);
  });

  it('answers a signed GET with the seed echo: message, decoded params (last value wins), null body, method', async () => {
    const g = await start();
    const res = await signedFetch(g, '/items?name=a%20b&tag=x+y&tag=z');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({
      message: 'API Called',
      params: { name: 'a b', tag: 'z' },
      body: null,
      method: 'GET',
    });
  });

  it('echoes a JSON body parsed and any other body as the raw string', async () => {
    const g = await start();
    const json = await signedFetch(g, '/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":[1,2]}',
    });
    expect(await json.json()).toEqual({ message: 'API Called', params: null, body: { a: [1, 2] }, method: 'POST' });
    const text = await signedFetch(g, '/items', {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(await text.json()).toEqual({ message: 'API Called', params: null, body: 'hello', method: 'PUT' });
  });

  it('refuses an unsigned request with 403 Missing Authentication Token and x-amzn-ErrorType', async () => {
    const g = await start();
    const res = await fetch(`${g.url}/items`);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(await res.json()).toEqual({ message: 'Missing Authentication Token' });
    expect(g.requests[0]).toMatchObject({
      status: 403,
      errorType: 'MissingAuthenticationTokenException',
      api: 'execute-api',
    });
  });

  it('refuses a request whose signed query was changed after signing with InvalidSignatureException', async () => {
    const g = await start();
    const s = await smithySign({
      url: `${g.url}/items?a=1`,
      credentials: TEST_CREDENTIALS,
      region: g.region,
      service: g.service,
    });
    const res = await fetch(s.url.replace('a=1', 'a=2'), s.init);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
    const { message } = (await res.json()) as { message: string };
    expect(message).toMatch(/^The request signature we calculated does not match the signature you provided\./);
    expect(message).toContain("The Canonical String for this request should have been\n'GET\n/dev/items\na=2\n");
    expect(message).toContain("The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n");
  });

  it('refuses a body changed after signing', async () => {
    const g = await start();
    const s = await smithySign({
      url: `${g.url}/items`,
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
      credentials: TEST_CREDENTIALS,
      region: g.region,
      service: g.service,
    });
    const res = await fetch(s.url, { ...s.init, body: '{"a":2}' });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
  });

  it('refuses an access key it does not know with UnrecognizedClientException', async () => {
    const g = await start();
    const res = await signedFetch(g, '/items', {
      credentials: { accessKeyId: 'AKIAUNKNOWNUNKNOWN00', secretAccessKey: 'x'.repeat(40) },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnrecognizedClientException');
    expect(await res.json()).toEqual({ message: 'The security token included in the request is invalid.' });
  });

  it('requires x-api-key when apiKeys is set and answers 403 Forbidden without it', async () => {
    const g = await start({ apiKeys: [TEST_API_KEY] });
    const without = await signedFetch(g, '/items');
    expect(without.status).toBe(403);
    expect(without.headers.get('x-amzn-errortype')).toBe('ForbiddenException');
    expect(await without.json()).toEqual({ message: 'Forbidden' });
    const wrong = await signedFetch(g, '/items', { headers: { 'x-api-key': 'nope' } });
    expect(wrong.status).toBe(403);
    const right = await signedFetch(g, '/items', { headers: { 'x-api-key': TEST_API_KEY } });
    expect(right.status).toBe(200);
  });

  it('passes a handler result such as 503 through, then succeeds on the next call', async () => {
    let calls = 0;
    const g = await start({
      handler: () =>
        ++calls === 1
          ? { statusCode: 503, body: '{"message":"Service Unavailable"}' }
          : { statusCode: 200, body: '{"ok":true}' },
    });
    const first = await signedFetch(g, '/flaky');
    expect(first.status).toBe(503);
    expect(await first.json()).toEqual({ message: 'Service Unavailable' });
    const second = await signedFetch(g, '/flaky');
    expect(second.status).toBe(200);
    expect(g.requests.map((r) => r.status)).toEqual([503, 200]);
  });

  it('hands the handler a REST proxy event with identity, multi-value query and headers', async () => {
    let seen: ProxyEvent | undefined;
    const g = await start({
      handler: (event) => {
        seen = event;
        return { statusCode: 200, body: '{}' };
      },
    });
    await signedFetch(g, '/a/b%20c?x=1&x=2&y', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-custom': 'v' },
      body: 'hi',
    });
    expect(seen).toMatchObject({
      resource: '/{proxy+}',
      path: '/a/b c',
      httpMethod: 'POST',
      queryStringParameters: { x: '2', y: '' },
      multiValueQueryStringParameters: { x: ['1', '2'], y: [''] },
      pathParameters: { proxy: 'a/b c' },
      body: 'hi',
      isBase64Encoded: false,
      requestContext: {
        stage: 'dev',
        path: '/dev/a/b c',
        identity: {
          accessKey: TEST_CREDENTIALS.accessKeyId,
          userArn: `arn:aws:iam::123456789012:user/${TEST_CREDENTIALS.accessKeyId}`,
        },
      },
    });
    expect(seen?.headers?.['x-custom']).toBe('v');
    expect(seen?.multiValueHeaders?.['x-custom']).toEqual(['v']);
  });

  it('records each request as it arrived: raw target, query, wire-order headers and body bytes', async () => {
    const g = await start();
    await signedFetch(g, '/items?b=2&a=1', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"z":1}',
    });
    const [r] = g.requests;
    expect(r).toMatchObject({
      api: 'execute-api',
      method: 'POST',
      target: '/dev/items?b=2&a=1',
      path: '/dev/items',
      query: 'b=2&a=1',
      status: 200,
    });
    expect(r?.body.toString()).toBe('{"z":1}');
    expect(r?.headers['content-type']).toBe('application/json');
    expect(r?.rawHeaders.some(([name]) => name.toLowerCase() === 'authorization')).toBe(true);
  });
});
