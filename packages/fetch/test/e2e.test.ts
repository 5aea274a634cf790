import {
  type AwsCredentialIdentity,
  type CredentialsInput,
  fromAssumeRole,
  isClockSkewError,
  isSigV4Error,
} from '@sigv4/core';
import { startGateway, TEST_API_KEY, TEST_CREDENTIALS, TEST_ROLE_ARN } from '@sigv4/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAdapterContract, parseBody } from '../../../test-support/adapter-contract.js';
import { createSignedFetch, presignUrl } from '../src/index.js';
import { streamOf } from './helpers.js';

type Gateway = Awaited<ReturnType<typeof startGateway>>;
type GatewayRequest = Gateway['requests'][number];

const REGION = 'eu-central-1';
const SERVICE = 'execute-api';
let gw: Gateway;

beforeAll(async () => {
  gw = await startGateway({ apiKeys: [TEST_API_KEY], roles: [TEST_ROLE_ARN] });
});
afterAll(async () => {
  await gw?.close();
});

function signedFetchWith(credentials: CredentialsInput = TEST_CREDENTIALS) {
  return createSignedFetch({ region: REGION, service: SERVICE, credentials });
}

/** Runs `call` and returns what it answered and the requests the gateway received meanwhile. */
async function observe<T>(call: () => Promise<T>): Promise<{ result: T; seen: GatewayRequest[] }> {
  const before = gw.requests.length;
  const result = await call();
  return { result, seen: gw.requests.slice(before) };
}

const apiKey = { 'x-api-key': TEST_API_KEY };

/** The seed's STS step against the gateway: AssumeRole with the test user, 900 s. */
const assumeTestRole = (roleSessionName: string) =>
  fromAssumeRole({
    roleArn: TEST_ROLE_ARN,
    roleSessionName,
    durationSeconds: 900,
    masterCredentials: TEST_CREDENTIALS,
    clientConfig: { region: REGION, endpoint: gw.stsUrl },
  });

describe('@sigv4/fetch streams a body with UNSIGNED-PAYLOAD', () => {
  it('is refused by API Gateway, which always hashes the payload itself', async () => {
    const signedFetch = createSignedFetch({
      region: REGION,
      service: SERVICE,
      credentials: TEST_CREDENTIALS,
      unsignedPayload: true,
    });
    const res = await signedFetch(gw.url, {
      method: 'POST',
      headers: apiKey,
      body: streamOf('{"client":', '"fetch"}'),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(403);
  });
});

describe('@sigv4/fetch against @sigv4/gateway', () => {
  const bytes = new Uint8Array([0, 1, 2, 127, 128, 254, 255]);
  const bodyKinds: Array<{ kind: string; body: () => BodyInit | undefined; wire: Buffer; contentType?: string }> = [
    {
      kind: 'a string',
      body: () => 'plain text ü',
      wire: Buffer.from('plain text ü'),
      contentType: 'text/plain;charset=UTF-8',
    },
    { kind: 'JSON', body: () => JSON.stringify({ a: [1, 2], b: 'ü' }), wire: Buffer.from('{"a":[1,2],"b":"ü"}') },
    {
      kind: 'a form (URLSearchParams)',
      body: () => new URLSearchParams({ client: 'fetch', q: 'a b&c' }),
      wire: Buffer.from('client=fetch&q=a+b%26c'),
      contentType: 'application/x-www-form-urlencoded;charset=UTF-8',
    },
    { kind: 'binary (Uint8Array)', body: () => bytes, wire: Buffer.from(bytes) },
    { kind: 'binary (ArrayBuffer)', body: () => bytes.slice().buffer, wire: Buffer.from(bytes) },
    {
      kind: 'a Blob',
      body: () => new Blob(['blob ', 'body'], { type: 'text/csv' }),
      wire: Buffer.from('blob body'),
      contentType: 'text/csv',
    },
    { kind: 'an empty string', body: () => '', wire: Buffer.alloc(0) },
    { kind: 'no body at all', body: () => undefined, wire: Buffer.alloc(0) },
  ];
  for (const { kind, body, wire, contentType } of bodyKinds) {
    it(`signs and sends ${kind} body byte for byte`, async () => {
      const signedFetch = signedFetchWith();
      const init: RequestInit = { method: 'POST', headers: apiKey };
      const value = body();
      if (value !== undefined) init.body = value;
      const { result: res, seen } = await observe(() => signedFetch(gw.url, init));

      expect(res.status).toBe(200);
      expect(seen[0]!.body.equals(wire)).toBe(true);
      if (contentType) expect(seen[0]!.headers['content-type']).toBe(contentType);
    });
  }

  it('signs FormData with the multipart boundary that goes on the wire', async () => {
    const signedFetch = signedFetchWith();
    const form = new FormData();
    form.append('client', 'fetch');
    form.append('file', new Blob(['file-content'], { type: 'text/plain' }), 'a.txt');
    const { result: res, seen } = await observe(() =>
      signedFetch(gw.url, { method: 'POST', headers: apiKey, body: form }),
    );

    expect(res.status).toBe(200);
    const boundary = seen[0]!.headers['content-type']!.split('boundary=')[1]!;
    expect(seen[0]!.body.toString('utf8')).toContain(`--${boundary}`);
  });

  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'patch', 'delete']) {
    it(`signs a ${method} request that the gateway accepts, sent with the upper-case method`, async () => {
      const signedFetch = signedFetchWith();
      const init: RequestInit = { method, headers: apiKey };
      if (!['GET', 'HEAD'].includes(method)) init.body = JSON.stringify({ method });
      const { result: res, seen } = await observe(() => signedFetch(`${gw.url}/items/1?via=${method}`, init));

      expect(res.status).toBe(200);
      expect(seen[0]!.method).toBe(method.toUpperCase());
      if (method !== 'HEAD') expect(await res.json()).toMatchObject({ method: method.toUpperCase() });
    });
  }

  it('signs query strings with spaces, unicode, repeated keys and reserved characters as fetch encodes them', async () => {
    const signedFetch = signedFetchWith();
    const url = `${gw.url}/search?q=a b&name=Zoë&tag=x&tag=y&odd=*~'()!&empty&plus=1+1`;
    const { result: res, seen } = await observe(() => signedFetch(url, { headers: apiKey }));

    expect(res.status).toBe(200);
    const sent = new URL(url);
    expect(seen[0]!.target).toBe(sent.pathname + sent.search);
    expect((await res.json()).params).toMatchObject({ q: 'a b', name: 'Zoë', odd: "*~'()!" });
  });

  it('signs a path with spaces and unicode that fetch percent-encodes', async () => {
    const signedFetch = signedFetchWith();
    const { result: res, seen } = await observe(() =>
      signedFetch(`${gw.url}/files/my file ü.txt`, { headers: apiKey }),
    );
    expect(res.status).toBe(200);
    expect(seen[0]!.path).toBe('/dev/files/my%20file%20%C3%BC.txt');
  });

  it('sends custom headers signed, with values as the caller wrote them', async () => {
    const signedFetch = signedFetchWith();
    const { result: res, seen } = await observe(() =>
      signedFetch(gw.url, { headers: { ...apiKey, 'X-Custom-Header': '  spaced   value ', 'x-trace': 'a,b' } }),
    );
    expect(res.status).toBe(200);
    expect(seen[0]!.headers.authorization).toContain('x-custom-header');
  });

  it('sends 200 concurrent requests across a credential refresh with none rejected', async () => {
    const assume = assumeTestRole('concurrency');
    let calls = 0;
    // Every session is reported as expiring in one minute, inside the signer's 5 minute
    // refresh margin, so the signer must refresh while the requests are being signed.
    const credentials = async (): Promise<AwsCredentialIdentity> => {
      calls += 1;
      const identity = await assume();
      return { ...identity, expiration: new Date(Date.now() + 60_000) };
    };
    const signedFetch = signedFetchWith(credentials);
    const warmUp = await signedFetch(gw.url, { headers: apiKey });
    expect(warmUp.status).toBe(200);
    const callsBefore = calls;

    const { result: statuses, seen } = await observe(() =>
      Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          signedFetch(`${gw.url}?i=${i}`, {
            method: i % 2 ? 'POST' : 'GET',
            headers: apiKey,
            ...(i % 2 ? { body: JSON.stringify({ i }) } : {}),
          }).then((res) => res.status),
        ),
      ),
    );

    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(calls).toBeGreaterThan(callsBefore);
    const apiCalls = seen.filter((r) => r.path.startsWith('/dev'));
    expect(apiCalls).toHaveLength(200);
    expect(apiCalls.every((r) => r.status === 200)).toBe(true);
  });

  it('rejects with the SigV4Error and sends nothing when the signer fails', async () => {
    const signedFetch = signedFetchWith(async () => {
      throw new Error('the credential source is down');
    });
    const before = gw.requests.length;
    const error: unknown = await signedFetch(gw.url, { headers: apiKey }).catch((e: unknown) => e);

    expect(isSigV4Error(error) && error.code).toBe('CREDENTIALS_PROVIDER_FAILED');
    expect(gw.requests.length).toBe(before);
  });

  it('is refused (403 with the expected canonical request) when the body is changed after signing', async () => {
    // A "fetch" that tampers with the signed request on its way out.
    const tamperingFetch = async (request: Request) =>
      fetch(new Request(request, { body: JSON.stringify({ client: 'mallory' }) }));
    const signedFetch = createSignedFetch(
      { region: REGION, service: SERVICE, credentials: TEST_CREDENTIALS },
      { fetch: tamperingFetch },
    );
    const { result: res, seen } = await observe(() =>
      signedFetch(gw.url, { method: 'POST', headers: apiKey, body: JSON.stringify({ client: 'fetch' }) }),
    );

    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toMatch(/InvalidSignatureException/);
    expect((await res.json()).message).toContain('The Canonical String for this request should have been');
    expect(seen[0]!.errorType).toMatch(/InvalidSignatureException/);
  });

  it('rejects with the AbortError of an aborted signal and sends nothing', async () => {
    const signedFetch = signedFetchWith();
    const before = gw.requests.length;
    const error: unknown = await signedFetch(gw.url, { headers: apiKey, signal: AbortSignal.abort() }).catch(
      (e: unknown) => e,
    );

    expect(error).toMatchObject({ name: 'AbortError' });
    expect(gw.requests.length).toBe(before);
  });

  it('is refused without the API key even when correctly signed', async () => {
    const signedFetch = signedFetchWith();
    const res = await signedFetch(`${gw.url}?client=fetch`);
    expect(res.status).toBe(403);
  });
});

describe('@sigv4/fetch signs non-ASCII header values as the bytes it sends', () => {
  const wireBytes = (request: GatewayRequest, name: string) => [
    ...Buffer.from(request.rawHeaders.find(([n]) => n.toLowerCase() === name)![1], 'latin1'),
  ];

  it('sends a Latin-1 value such as café as its UTF-8 bytes and is accepted', async () => {
    const { result: res, seen } = await observe(() =>
      signedFetchWith()(`${gw.url}/names`, { headers: { ...apiKey, 'x-name': 'café' } }),
    );

    expect(res.status).toBe(200);
    expect(wireBytes(seen[0]!, 'x-name')).toEqual([...Buffer.from('café', 'utf8')]);
  });

  it('sends a value that is already UTF-8 bytes unchanged and is accepted', async () => {
    const encoded = Buffer.from('naïve €', 'utf8').toString('latin1');
    const { result: res, seen } = await observe(() =>
      signedFetchWith()(`${gw.url}/names`, { headers: { ...apiKey, 'x-name': encoded } }),
    );

    expect(res.status).toBe(200);
    expect(wireBytes(seen[0]!, 'x-name')).toEqual([...Buffer.from('naïve €', 'utf8')]);
  });

  it('signs a header of a Request input that holds Latin-1 text, and is accepted', async () => {
    const request = new Request(`${gw.url}/names`, { headers: { ...apiKey, 'x-name': 'Zoë', 'x-city': 'Orléans' } });
    const { result: res, seen } = await observe(() => signedFetchWith()(request));

    expect(res.status).toBe(200);
    expect(wireBytes(seen[0]!, 'x-city')).toEqual([...Buffer.from('Orléans', 'utf8')]);
    expect(request.headers.get('x-name')).toBe('Zoë');
  });
});

describe('@sigv4/fetch signs the host fetch sends', () => {
  it("signs the URL's host when the caller sets another host header, which fetch does not send, and is accepted", async () => {
    const { result: res, seen } = await observe(() =>
      signedFetchWith()(`${gw.url}/names`, { headers: { ...apiKey, host: 'other.example' } }),
    );

    expect(res.status).toBe(200);
    expect(seen[0]!.headers['host']).toBe(new URL(gw.url).host);
  });
});

/** The seed's calls, a tampered request, STS, streams and clock skew, as every adapter runs them. */
describeAdapterContract(
  'fetch',
  ({ headers, signing, tamperAfterSigning, clockSkewRecipe }) => {
    // a "fetch" that changes a signed header on the signed request's way out
    const tamper = async (request: Request) => {
      const changed = new Headers(request.headers);
      changed.set('x-contract', 'changed');
      return fetch(new Request(request, { headers: changed }));
    };
    const signedFetch = createSignedFetch(signing, tamperAfterSigning ? { fetch: tamper } : {});
    return {
      async send({ method, url, query, headers: extra, json, stream }) {
        const target = query ? `${url}?${new URLSearchParams(query)}` : url;
        const init: RequestInit & { duplex?: 'half' } = { method, headers: { ...headers, ...extra } };
        if (json !== undefined) {
          init.body = JSON.stringify(json);
          init.headers = { ...headers, ...extra, 'content-type': 'application/json' };
        }
        if (stream) {
          init.body = streamOf(...stream);
          init.duplex = 'half';
          init.headers = { ...headers, ...extra, 'content-type': 'text/plain' };
        }
        let res = await signedFetch(target, init);
        // the README's recipe
        if (clockSkewRecipe && res.status === 403 && isClockSkewError(await res.clone().text())) {
          clockSkewRecipe.correctClockSkew(res.headers.get('date') ?? Date.now());
          res = await signedFetch(target, init);
        }
        return { status: res.status, body: parseBody(await res.text()) };
      },
    };
  },
  { streams: true, presignUrl },
);
