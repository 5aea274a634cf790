import { createSigner, isSigV4Error, type SignerOptions, type SigV4Error } from '@sigv4/core';
import fc from 'fast-check';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { createSignedFetch } from '../src/index.js';
import {
  AMZ_DATE,
  CREDENTIALS,
  expectedAuthorization,
  FIXED_DATE,
  HOST,
  REGION,
  recordingFetch,
  SERVICE,
  streamOf,
} from './helpers.js';

const API = `https://${HOST}/dev`;
const options = { region: REGION, service: SERVICE, credentials: CREDENTIALS, now: () => FIXED_DATE };

function setup(extra: SignerOptions = {}) {
  const recorder = recordingFetch();
  const signedFetch = createSignedFetch({ ...options, ...extra }, { fetch: recorder.fetch });
  return { signedFetch, ...recorder };
}

async function rejection(promise: Promise<unknown>): Promise<SigV4Error> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  if (!isSigV4Error(error)) throw error;
  return error;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createSignedFetch signs what fetch sends', () => {
  it('signs the seed GET with ?client=fetch exactly as the SigV4 documentation says', async () => {
    const { signedFetch, sent } = setup();
    const response = await signedFetch(`${API}?client=fetch`);

    expect(response.status).toBe(200);
    expect(sent).toHaveLength(1);
    const request = sent[0]!;
    expect(request.method).toBe('GET');
    expect(request.url).toBe(`${API}?client=fetch`);
    expect(request.headers.get('x-amz-date')).toBe(AMZ_DATE);
    const authorization = expectedAuthorization({ query: 'client=fetch' });
    expect(request.headers.get('authorization')).toBe(authorization);
  });

  it('signs the seed POST with its JSON body, content-type and x-api-key', async () => {
    const { signedFetch, sent } = setup();
    const body = JSON.stringify({ client: 'fetch' });
    await signedFetch(API, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-api-key': 'key-123' },
      body,
    });

    const request = sent[0]!;
    const authorization = expectedAuthorization({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'key-123' },
      payload: body,
    });
    expect(request.headers.get('authorization')).toBe(authorization);
    expect(request.headers.get('x-api-key')).toBe('key-123');
    expect(await request.text()).toBe(body);
  });

  it('signs the content-type that fetch derives from a string body', async () => {
    const { signedFetch, sent } = setup();
    await signedFetch(API, { method: 'POST', body: 'hello' });

    const request = sent[0]!;
    expect(request.headers.get('content-type')).toBe('text/plain;charset=UTF-8');
    expect(request.headers.get('authorization')).toContain('SignedHeaders=content-type;host;x-amz-date,');
  });

  it('merges a Request input with init as fetch does and signs the merged request', async () => {
    const { signedFetch, sent } = setup();
    const input = new Request(`${API}?a=1`, { method: 'PUT', headers: { 'x-one': '1' }, body: 'from-request' });
    await signedFetch(input, { headers: { 'x-two': '2' } });

    const request = sent[0]!;
    expect(request.method).toBe('PUT');
    // init.headers replace the Request's headers, exactly as fetch(input, init) does
    expect(request.headers.get('x-one')).toBeNull();
    expect(request.headers.get('x-two')).toBe('2');
    expect(await request.text()).toBe('from-request');
    expect(input.bodyUsed).toBe(false);
  });

  it('never consumes the body of a Request passed in', async () => {
    const { signedFetch } = setup();
    const input = new Request(API, { method: 'POST', body: JSON.stringify({ client: 'fetch' }) });
    await signedFetch(input);

    expect(input.bodyUsed).toBe(false);
    expect(await input.json()).toEqual({ client: 'fetch' });
  });

  it('accepts a URL object as input', async () => {
    const { signedFetch, sent } = setup();
    await signedFetch(new URL(`${API}?client=fetch`));
    expect(sent[0]!.url).toBe(`${API}?client=fetch`);
  });

  it('upper-cases the method it signs and sends (fetch would send "patch" as it is)', async () => {
    const { signedFetch, sent } = setup();
    await signedFetch(API, { method: 'patch', body: '{}' });

    const request = sent[0]!;
    expect(request.method).toBe('PATCH');
    const authorization = expectedAuthorization({
      method: 'PATCH',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      payload: '{}',
    });
    expect(request.headers.get('authorization')).toBe(authorization);
  });

  it('signs the URL without its fragment, which fetch never sends', async () => {
    const { signedFetch, sent } = setup();
    await signedFetch(`${API}?client=fetch#section`);

    const authorization = expectedAuthorization({ query: 'client=fetch' });
    expect(sent[0]!.headers.get('authorization')).toBe(authorization);
  });

  it('drops stale signing headers of an earlier attempt before signing again', async () => {
    const { signedFetch, sent } = setup();
    await signedFetch(API, {
      headers: {
        authorization:
          'AWS4-HMAC-SHA256 Credential=OLD/20200101/eu-central-1/execute-api/aws4_request, SignedHeaders=host, Signature=00',
        'x-amz-date': '20200101T000000Z',
        'x-amz-security-token': 'old-token',
      },
    });

    const request = sent[0]!;
    expect(request.headers.get('x-amz-date')).toBe(AMZ_DATE);
    expect(request.headers.get('x-amz-security-token')).toBeNull();
    expect(request.headers.get('authorization')).toBe(expectedAuthorization());
  });

  it('adds x-amz-security-token when the credentials carry a session token', async () => {
    const { signedFetch, sent } = setup({ credentials: { ...CREDENTIALS, sessionToken: 'session-token-1' } });
    await signedFetch(API);

    const request = sent[0]!;
    expect(request.headers.get('x-amz-security-token')).toBe('session-token-1');
    expect(request.headers.get('authorization')).toContain('SignedHeaders=host;x-amz-date;x-amz-security-token,');
  });

  it('keeps signal, credentials, redirect, cache, mode, keepalive and integrity of the call', async () => {
    const { signedFetch, sent } = setup();
    const controller = new AbortController();
    await signedFetch(API, {
      method: 'POST',
      body: 'x',
      signal: controller.signal,
      credentials: 'include',
      redirect: 'manual',
      cache: 'no-store',
      mode: 'cors',
      keepalive: true,
      integrity: 'sha256-abc',
      referrerPolicy: 'no-referrer',
    });

    const request = sent[0]!;
    expect(request.credentials).toBe('include');
    expect(request.redirect).toBe('manual');
    expect(request.cache).toBe('no-store');
    expect(request.mode).toBe('cors');
    expect(request.keepalive).toBe(true);
    expect(request.integrity).toBe('sha256-abc');
    expect(request.referrerPolicy).toBe('no-referrer');
    expect(request.signal.aborted).toBe(false);
    controller.abort();
    expect(request.signal.aborted).toBe(true);
  });

  it('keeps the signal, method, headers and options of a Request passed without init', async () => {
    const { signedFetch, sent } = setup();
    const controller = new AbortController();
    const input = new Request(`${API}?client=fetch`, {
      method: 'DELETE',
      headers: { 'x-api-key': 'key-123' },
      signal: controller.signal,
      credentials: 'omit',
      redirect: 'manual',
    });
    await signedFetch(input);

    const request = sent[0]!;
    expect(request.method).toBe('DELETE');
    expect(request.headers.get('x-api-key')).toBe('key-123');
    expect(request.credentials).toBe('omit');
    expect(request.redirect).toBe('manual');
    expect(request.headers.get('authorization')).toBe(
      expectedAuthorization({ method: 'DELETE', query: 'client=fetch', headers: { 'x-api-key': 'key-123' } }),
    );
    controller.abort();
    expect(request.signal.aborted).toBe(true);
  });

  it('signs a Blob, URLSearchParams and binary body by their bytes and sends those bytes', async () => {
    const { signedFetch, sent } = setup();
    const bytes = new Uint8Array([0, 1, 2, 254, 255]);
    await signedFetch(API, { method: 'POST', body: bytes });
    await signedFetch(API, { method: 'POST', body: new Blob(['blob-data'], { type: 'text/csv' }) });
    await signedFetch(API, { method: 'POST', body: new URLSearchParams({ a: '1', b: 'x y' }) });

    expect(new Uint8Array(await sent[0]!.arrayBuffer())).toEqual(bytes);
    expect(sent[1]!.headers.get('content-type')).toBe('text/csv');
    expect(await sent[1]!.text()).toBe('blob-data');
    expect(sent[2]!.headers.get('content-type')).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(await sent[2]!.text()).toBe('a=1&b=x+y');
    expect(sent[0]!.headers.get('authorization')).toBe(expectedAuthorization({ method: 'POST', payload: bytes }));
  });

  it('signs FormData with the same multipart boundary that is sent', async () => {
    const { signedFetch, sent } = setup();
    const form = new FormData();
    form.append('client', 'fetch');
    await signedFetch(API, { method: 'POST', body: form });

    const request = sent[0]!;
    const contentType = request.headers.get('content-type')!;
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    const text = await request.text();
    expect(text).toContain(contentType.split('boundary=')[1]);
    expect(request.headers.get('authorization')).toBe(
      expectedAuthorization({ method: 'POST', headers: { 'content-type': contentType }, payload: text }),
    );
  });
});

describe('createSignedFetch reads bodies as fetch encodes them', () => {
  /** The bytes a plain `Request` makes of a body: what fetch would send. */
  const bytesFetchSends = async (body: BodyInit) =>
    new Uint8Array(await new Request(API, { method: 'POST', body }).arrayBuffer());

  it('signs and sends only the bytes of a typed-array view, not its whole buffer', async () => {
    const { signedFetch, sent } = setup();
    const buffer = new Uint8Array([9, 9, 1, 2, 3, 9, 9]);
    const view = buffer.subarray(2, 5);
    await signedFetch(API, { method: 'POST', body: view });
    await signedFetch(API, { method: 'POST', body: new DataView(buffer.buffer, 2, 3) });

    for (const request of sent) {
      expect(new Uint8Array(await request.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
      expect(request.headers.get('authorization')).toBe(
        expectedAuthorization({ method: 'POST', payload: new Uint8Array([1, 2, 3]) }),
      );
    }
  });

  it('signs the body as it was at the call, even when the caller reuses the buffer at once', async () => {
    const { signedFetch, sent } = setup();
    const buffer = new Uint8Array([1, 2, 3]);
    const form = new URLSearchParams({ a: '1' });
    const pending = [
      signedFetch(API, { method: 'POST', body: buffer }),
      signedFetch(API, { method: 'POST', body: form }),
    ];
    buffer.fill(0);
    form.append('b', '2');
    await Promise.all(pending);

    expect(new Uint8Array(await sent[0]!.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(sent[0]!.headers.get('authorization')).toBe(
      expectedAuthorization({ method: 'POST', payload: new Uint8Array([1, 2, 3]) }),
    );
    expect(await sent[1]!.text()).toBe('a=1');
    expect(sent[1]!.headers.get('authorization')).toBe(
      expectedAuthorization({
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
        payload: 'a=1',
      }),
    );
  });

  it('hashes exactly the bytes fetch sends for any string or form body (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc
            .dictionary(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }))
            .map((o) => new URLSearchParams(o)),
        ),
        async (body) => {
          const { signedFetch, sent } = setup();
          await signedFetch(API, { method: 'POST', body });
          const wire = await bytesFetchSends(body);
          const request = sent[0]!;
          expect(new Uint8Array(await request.arrayBuffer())).toEqual(wire);
          expect(request.headers.get('authorization')).toBe(
            expectedAuthorization({
              method: 'POST',
              headers: { 'content-type': request.headers.get('content-type')! },
              payload: wire,
            }),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('createSignedFetch with stream bodies', () => {
  it('rejects a stream body with UNSUPPORTED_BODY when unsigned payloads are not allowed, and sends nothing', async () => {
    const { signedFetch, sent } = setup();
    const error = await rejection(
      signedFetch(API, { method: 'POST', body: streamOf('a', 'b'), duplex: 'half' } as RequestInit),
    );
    expect(error.code).toBe('UNSUPPORTED_BODY');
    expect(sent).toHaveLength(0);
  });

  it('signs a stream body as UNSIGNED-PAYLOAD when allowed and sends the stream untouched', async () => {
    const { signedFetch, sent } = setup({ unsignedPayload: true });
    await signedFetch(API, { method: 'POST', body: streamOf('chunk-1,', 'chunk-2'), duplex: 'half' } as RequestInit);

    const request = sent[0]!;
    expect(request.headers.get('x-amz-content-sha256')).toBe('UNSIGNED-PAYLOAD');
    expect(await request.text()).toBe('chunk-1,chunk-2');
  });

  it('signs every body as UNSIGNED-PAYLOAD when unsignedPayload is set, and still sends its bytes', async () => {
    const { signedFetch, sent } = setup({ unsignedPayload: true });
    await signedFetch(API, { method: 'POST', body: 'small' });
    expect(sent[0]!.headers.get('x-amz-content-sha256')).toBe('UNSIGNED-PAYLOAD');
    expect(await sent[0]!.text()).toBe('small');
  });

  it('reads the body of a Request input (even a stream one) and hashes it', async () => {
    const { signedFetch, sent } = setup();
    const input = new Request(API, {
      method: 'POST',
      body: streamOf('from ', 'a stream'),
      duplex: 'half',
    } as RequestInit);
    await signedFetch(input);
    expect(sent[0]!.headers.get('authorization')).toBe(
      expectedAuthorization({ method: 'POST', payload: 'from a stream' }),
    );
    expect(await sent[0]!.text()).toBe('from a stream');
  });
});

describe('createSignedFetch options and errors', () => {
  it('returns a function that fits wherever the global fetch is expected', () => {
    const signedFetch = createSignedFetch(options, { fetch: recordingFetch().fetch });
    expectTypeOf(signedFetch).toMatchTypeOf<typeof globalThis.fetch>();
    expect(signedFetch).toBeTypeOf('function');
    expect(signedFetch.length).toBe(2);
  });

  it('shares a given signer ({ signer }) instead of creating one', async () => {
    const signer = createSigner(options);
    const sign = vi.spyOn(signer, 'sign');
    const { fetch, sent } = recordingFetch();
    await createSignedFetch({ signer }, { fetch })(API);

    expect(sign).toHaveBeenCalledTimes(1);
    expect(sent[0]!.headers.get('x-amz-date')).toBe(AMZ_DATE);
  });

  it('rejects with the signer error and sends nothing when signing fails', async () => {
    const { fetch, sent } = recordingFetch();
    const signedFetch = createSignedFetch(
      {
        ...options,
        credentials: async () => {
          throw new Error('no network');
        },
      },
      { fetch },
    );
    const error = await rejection(signedFetch(API));
    expect(error.code).toBe('CREDENTIALS_PROVIDER_FAILED');
    expect(sent).toHaveLength(0);
  });

  it('uses the global fetch, looked up at call time, when none is given', async () => {
    const { fetch, sent } = recordingFetch();
    const signedFetch = createSignedFetch(options);
    vi.stubGlobal('fetch', fetch);
    await signedFetch(API);
    expect(sent).toHaveLength(1);
  });

  it('calls a given fetch without a `this`, as window.fetch requires', async () => {
    const { fetch, thisValues } = recordingFetch();
    const dependencies = { fetch };
    await createSignedFetch(options, dependencies)(API);
    expect(thisValues[0]).toBeUndefined();
  });

  it('infers region and service from an AWS host when the options leave them out', async () => {
    const { fetch, sent } = recordingFetch();
    await createSignedFetch({ credentials: CREDENTIALS, now: () => FIXED_DATE }, { fetch })(`${API}?client=fetch`);
    expect(sent[0]!.headers.get('authorization')).toBe(expectedAuthorization({ query: 'client=fetch' }));
    expect(() => createSignedFetch()).not.toThrow();
  });

  it('throws INVALID_OPTIONS for options that are not an object or a fetch that is not a function', () => {
    expect(() => createSignedFetch('eu-central-1' as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
    expect(() => createSignedFetch(null as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
    expect(() => createSignedFetch(options, { fetch: 'nope' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS', message: expect.stringContaining('fetch') }),
    );
  });

  it('refuses to send a request whose runtime drops the Authorization header (a browser no-cors request)', async () => {
    const { signedFetch, sent } = setup();
    // Browsers ignore setting non-safelisted headers on a no-cors Request; Node does not, so simulate it.
    const set = Headers.prototype.set;
    vi.spyOn(Headers.prototype, 'set').mockImplementation(function (this: Headers, name: string, value: string) {
      if (name.toLowerCase() !== 'authorization') set.call(this, name, value);
    });
    const error = await rejection(signedFetch(API, { mode: 'no-cors' }));
    vi.restoreAllMocks();

    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.message).toMatch(/no-cors.*Authorization.*not sent/);
    expect(sent).toHaveLength(0);
  });

  it('rejects like fetch (TypeError) when fetch itself would refuse the arguments', async () => {
    const { signedFetch, sent } = setup();
    await expect(signedFetch(API, { method: 'GET', body: 'not allowed' })).rejects.toThrow(TypeError);
    expect(sent).toHaveLength(0);
  });

  it('never puts the secret key or session token in a signing error', async () => {
    const { fetch } = recordingFetch();
    const sessionToken = 'very-secret-session-token';
    const signedFetch = createSignedFetch(
      { region: REGION, service: SERVICE, credentials: { ...CREDENTIALS, sessionToken }, now: () => FIXED_DATE },
      { fetch },
    );
    const error = await rejection(
      signedFetch(API, { method: 'POST', body: streamOf('x'), duplex: 'half' } as RequestInit),
    );
    const text = `${error.message} ${JSON.stringify(error)} ${String(error.cause)}`;
    expect(text).not.toContain(CREDENTIALS.secretAccessKey);
    expect(text).not.toContain(sessionToken);
  });
});
