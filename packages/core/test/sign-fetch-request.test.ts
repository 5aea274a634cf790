import { createSigner, isSigV4Error, type Signer, signFetchRequest } from '@sigv4/core';
import { startGateway, TEST_CREDENTIALS } from '@sigv4/gateway';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Gateway = Awaited<ReturnType<typeof startGateway>>;

const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('signFetchRequest against the local gateway', () => {
  let gateway: Gateway;
  let signer: Signer;
  let unsigned: Signer;

  beforeAll(async () => {
    gateway = await startGateway({ region: 'eu-central-1', allowUnsignedPayload: true });
    signer = createSigner({ region: gateway.region, service: gateway.service, credentials: TEST_CREDENTIALS });
    unsigned = createSigner({
      region: gateway.region,
      service: gateway.service,
      credentials: TEST_CREDENTIALS,
      unsignedPayload: true,
    });
  });
  afterAll(async () => {
    await gateway.close();
  });

  const send = async (input: RequestInfo | URL, init?: RequestInit, by = signer) => {
    const signed = await signFetchRequest(by, input, init);
    const response = await fetch(signed.input, signed.init);
    return { signed, response, received: gateway.requests.at(-1) };
  };

  it('signs a GET whose URL has a fragment, which is neither signed nor sent', async () => {
    const { signed, response, received } = await send(`${gateway.url}/items?a=1#top`);
    expect(response.status).toBe(200);
    expect(signed.url).toBe(`${gateway.url}/items?a=1`);
    expect(received?.target).toBe(`${new URL(gateway.url).pathname}/items?a=1`);
  });

  it.each([
    ['a string', () => 'hello'],
    ['bytes', () => new Uint8Array([0, 1, 2, 255])],
    ['URLSearchParams', () => new URLSearchParams({ a: 'b c' })],
    ['a Blob', () => new Blob(['blob body'], { type: 'text/plain' })],
    [
      'FormData',
      () => {
        const form = new FormData();
        form.set('field', 'value');
        return form;
      },
    ],
  ])('signs a POST whose body is %s, as fetch sends it', async (_, body) => {
    const { signed, response, received } = await send(`${gateway.url}/items`, { method: 'POST', body: body() });
    expect(response.status).toBe(200);
    expect(signed.bytes?.byteLength).toBe(received?.body.byteLength);
  });

  it("signs a Request and leaves the caller's Request unused, so it can be sent again", async () => {
    const request = new Request(`${gateway.url}/items`, {
      method: 'PUT',
      body: 'from a Request',
      headers: { 'x-a': '1' },
    });
    const { response } = await send(request);
    expect(response.status).toBe(200);
    expect(request.bodyUsed).toBe(false);
    expect(await request.text()).toBe('from a Request');
  });

  it('leaves a Request unused when an init without body comes with it', async () => {
    const request = new Request(`${gateway.url}/items`, { method: 'POST', body: 'kept' });
    const { response, received } = await send(request, { headers: { 'x-b': '2' } });
    expect(response.status).toBe(200);
    expect(received?.body.toString()).toBe('kept');
    expect(await request.text()).toBe('kept');
  });

  it("drops a caller's host header and the signing headers of an earlier attempt, and signs afresh", async () => {
    const first = await signFetchRequest(signer, `${gateway.url}/items`, {
      method: 'POST',
      body: 'one',
      headers: { host: 'elsewhere.example' },
    });
    expect(new Headers(first.init.headers).has('host')).toBe(false);
    const retry = new Request(first.input, first.init);
    const { signed, response } = await send(retry, { body: 'two' });
    expect(response.status).toBe(200);
    expect(new Headers(signed.init.headers).get('authorization')).not.toBe(
      new Headers(first.init.headers).get('authorization'),
    );
  });

  it('sends a non-ASCII header value as the UTF-8 bytes it signs', async () => {
    const { response, received } = await send(`${gateway.url}/items`, { headers: { 'x-name': 'café' } });
    expect(response.status).toBe(200);
    expect(received?.headers['x-name']).toBe(Buffer.from('café', 'utf8').toString('latin1'));
  });

  it.each([
    ['names differing only in case', { 'X-A': '1', 'x-a': '2' }, { 'x-a': '1, 2' }],
    ['values with outer spaces and tabs', { 'x-a': ' \t1  2 \t' }, { 'x-a': '1  2' }],
    ['a number value', { 'x-n': 5 as unknown as string }, { 'x-n': '5' }],
    ['an empty value', { 'x-e': '' }, { 'x-e': '' }],
    ['a Headers object', new Headers({ 'X-H': 'h' }), { 'x-h': 'h' }],
    ['pairs', [['X-P', 'p']] as [string, string][], { 'x-p': 'p' }],
  ])('signs and sends headers given as %s as fetch makes them', async (_, headers, expected) => {
    const { response, received } = await send(`${gateway.url}/items`, { method: 'POST', body: 'b', headers });
    expect(response.status).toBe(200);
    expect(received?.headers).toMatchObject(expected);
  });

  it('sends plain headers in the order given, then the signing headers', async () => {
    const { signed } = await send(`${gateway.url}/items`, { headers: { 'X-Z': 'z', 'x-a': 'a' } });
    expect(Object.keys(signed.init.headers as Record<string, string>)).toEqual([
      'x-z',
      'x-a',
      'x-amz-date',
      'authorization',
    ]);
  });

  it('signs a URL object as it is and leaves it unchanged', async () => {
    const url = new URL(`${gateway.url}/items?a=1#top`);
    const { signed, response } = await send(url);
    expect(response.status).toBe(200);
    expect(signed.url).toBe(`${gateway.url}/items?a=1`);
    expect(url.hash).toBe('#top');
  });

  it('turns redirect "follow" into "manual" and keeps "error", referrer and its policy', async () => {
    const follow = await signFetchRequest(signer, `${gateway.url}/items`, { referrerPolicy: 'no-referrer' });
    expect(follow).toMatchObject({ redirect: 'follow', init: { redirect: 'manual', referrerPolicy: 'no-referrer' } });
    const error = await signFetchRequest(signer, `${gateway.url}/items`, { redirect: 'error' });
    expect(error.init.redirect).toBe('error');
  });

  it('sends a stream unread, signed UNSIGNED-PAYLOAD, where the signer allows it', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('streamed'));
        c.close();
      },
    });
    const { signed, response, received } = await send(
      `${gateway.url}/upload`,
      { method: 'POST', body, duplex: 'half' } as RequestInit,
      unsigned,
    );
    expect(response.status).toBe(200);
    expect(signed).toMatchObject({ unread: true, bytes: undefined, init: { duplex: 'half' } });
    expect(received?.body.toString()).toBe('streamed');
  });

  it('reads no body when the request declares x-amz-content-sha256, and signs the declared hash', async () => {
    const request = new Request(`${gateway.url}/upload`, {
      method: 'PUT',
      body: 'declared',
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    });
    const read = vi.spyOn(Request.prototype, 'arrayBuffer');
    const signed = await signFetchRequest(signer, request);
    expect(read).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    expect(signed).toMatchObject({ unread: true, bytes: undefined });
    const response = await fetch(signed.input, signed.init);
    expect(response.status).toBe(200);
    expect(gateway.requests.at(-1)?.body.toString()).toBe('declared');
    expect(request.bodyUsed).toBe(false);
  });

  it('returns the URL and an init that says everything for (url, init), and the Request only where the body went unread', async () => {
    const plain = await signFetchRequest(signer, `${gateway.url}/items#frag`, { method: 'POST', body: 'x' });
    expect(plain.input).toBe(`${gateway.url}/items`);
    // The body goes out as the bytes that were signed (a string body as it is: fetch sends its UTF-8).
    expect(new Uint8Array(await new Response(plain.init.body).arrayBuffer())).toEqual(plain.bytes);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.close();
      },
    });
    const stream = await signFetchRequest(unsigned, `${gateway.url}/items`, {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit);
    expect(stream.input).toBeInstanceOf(Request);
  });

  it('refuses a URL that is not http(s) with INVALID_URL, reading nothing', async () => {
    const error = await rejection(signFetchRequest(signer, new Request('data:text/plain,hi')));
    expect(isSigV4Error(error) && error.code).toBe('INVALID_URL');
    const like = { url: 'ftp://files.example.com/a', method: 'GET', [Symbol.toStringTag]: 'Request' };
    const fromLike = await rejection(signFetchRequest(signer, like as unknown as Request));
    expect(isSigV4Error(fromLike) && fromLike.code).toBe('INVALID_URL');
    expect((fromLike as Error).message).toBe('Cannot sign a ftp: URL: only http: and https: URLs can be signed.');
  });

  it('refuses a no-cors request, which cannot carry Authorization, with INVALID_OPTIONS', async () => {
    const error = await rejection(signFetchRequest(signer, `${gateway.url}/items`, { mode: 'no-cors' }));
    expect(isSigV4Error(error) && error.code).toBe('INVALID_OPTIONS');
    expect((error as Error).message).toMatch(/^A no-cors request loses Authorization in browsers.*use mode "cors"/);
  });

  it('rejects unchanged, as fetch would, when fetch itself refuses the arguments', async () => {
    await expect(signFetchRequest(signer, `${gateway.url}/items`, { body: 'GET cannot have one' })).rejects.toThrow(
      TypeError,
    );
  });
});
