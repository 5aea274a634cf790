import { fromAssumeRole, isClockSkewError, isSigV4Error } from '@sigv4/core';
import {
  type Gateway,
  type RecordedRequest,
  startGateway,
  TEST_API_KEY,
  TEST_CREDENTIALS,
  TEST_ROLE_ARN,
} from '@sigv4/gateway';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeAdapterContract, parseBody } from '../../../test-support/adapter-contract.js';
import { presignUrl, withSigV4 } from '../src/index.js';
import { KY_VERSIONS } from './support/ky-versions.js';

const REGION = 'eu-central-1';
const SERVICE = 'execute-api';
const signerOptions = { region: REGION, service: SERVICE, credentials: TEST_CREDENTIALS };

/** The seed's echo answer. */
interface Echo {
  message: string;
  params: Record<string, string> | null;
  body: unknown;
  method: string;
}

const apiRequests = (gw: Gateway) => gw.requests.filter((r) => r.api === 'execute-api');
const stsRequests = (gw: Gateway) => gw.requests.filter((r) => r.api === 'sts');
const accessKeyOf = (authorization: string | undefined) => /Credential=([^/]+)\//.exec(authorization ?? '')?.[1];

describe.each(KY_VERSIONS)('withSigV4 with $name against the local API Gateway', (v) => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startGateway({ apiKeys: [TEST_API_KEY] });
  });
  afterEach(async () => {
    await gw.close();
  });

  const signedApi = (extra: Record<string, unknown> = {}, options: Record<string, unknown> = signerOptions) =>
    withSigV4(v.ky.create({ ...v.base(gw.url), headers: { 'x-api-key': TEST_API_KEY }, ...extra }), options);

  it('signs prefix + path exactly as it arrives on the request line', async () => {
    await signedApi().get('items/42/details');

    expect(apiRequests(gw)[0]).toMatchObject({ path: '/dev/items/42/details', status: 200 });
  });

  it('signs searchParams with spaces, unicode and repeated keys', async () => {
    const searchParams = new URLSearchParams([
      ['q', 'red shoes & socks'],
      ['city', 'Zürich 東京'],
      ['tag', 'a'],
      ['tag', 'b'],
      ['empty', ''],
    ]);
    const echo = await signedApi().get('search', { searchParams }).json<Echo>();

    const [received] = apiRequests(gw);
    expect(received?.status).toBe(200);
    expect(received?.query).toBe(searchParams.toString());
    expect(echo.params).toMatchObject({ q: 'red shoes & socks', city: 'Zürich 東京', tag: 'b', empty: '' });
  });

  it.each([
    ['json', { json: { client: 'ky', list: [1, 2] } }, '{"client":"ky","list":[1,2]}'],
    ['a form', { body: new URLSearchParams({ name: 'a b', city: 'Zürich' }) }, 'name=a+b&city=Z%C3%BCrich'],
    [
      'binary bytes',
      { body: new Uint8Array([0, 255, 1, 254, 128]) },
      Buffer.from([0, 255, 1, 254, 128]).toString('latin1'),
    ],
    ['an empty body', {}, ''],
  ])('sends %s signed, byte for byte', async (_name, options, expected) => {
    await signedApi().post('upload', options);

    const [received] = apiRequests(gw);
    expect(received?.status).toBe(200);
    expect(received?.body.toString('latin1')).toBe(expected);
  });

  it.each(['get', 'post', 'put', 'patch', 'delete', 'head'] as const)('gets %s accepted', async (method) => {
    const response = await signedApi()[method]('resource/1');

    expect(response.status).toBe(200);
    expect(apiRequests(gw)[0]).toMatchObject({ method: method.toUpperCase(), status: 200 });
  });

  it('signs custom headers as sent: mixed case, padded, repeated, and a fragment that never goes out', async () => {
    const headers = new Headers([
      ['X-Custom-Trace', '  abc   def  '],
      ['x-multi', 'one'],
      ['x-multi', 'two'],
    ]);
    await signedApi().get('items#section-2', { headers, searchParams: { client: 'ky' } });

    const [received] = apiRequests(gw);
    expect(received).toMatchObject({ status: 200, target: '/dev/items?client=ky' });
    expect(received?.headers['x-custom-trace']).toBe('abc   def');
    expect(received?.headers['x-multi']).toBe('one, two');
    expect(received?.headers.authorization).toContain('x-custom-trace;x-multi');
  });

  it("signs the URL's host, not a host header fetch replaces, and the gateway accepts it", async () => {
    const response = await signedApi({ throwHttpErrors: false }).get('items', { headers: { host: 'api.example.com' } });

    expect(response.status).toBe(200);
    const [received] = apiRequests(gw);
    expect(received?.status).toBe(200);
    expect(received?.headers.host).toBe(new URL(gw.url).host);
  });

  /** The bytes the gateway received for header `name` (Node keeps raw header bytes as Latin-1 characters). */
  const wireBytes = (request: RecordedRequest | undefined, name: string) => [
    ...Buffer.from(request?.rawHeaders.find(([n]) => n.toLowerCase() === name)?.[1] ?? '', 'latin1'),
  ];
  const utf8 = (text: string) => [...Buffer.from(text, 'utf8')];

  it('sends non-ASCII header values as the UTF-8 bytes it signed, and the gateway accepts them', async () => {
    const alreadyUtf8 = Buffer.from('naïve €', 'utf8').toString('latin1');
    const response = await signedApi().get('names', { headers: { 'x-name': 'café', 'x-city': alreadyUtf8 } });

    expect(response.status).toBe(200);
    const [received] = apiRequests(gw);
    expect(received?.status).toBe(200);
    expect(wireBytes(received, 'x-name')).toEqual(utf8('café'));
    expect(wireBytes(received, 'x-city')).toEqual(utf8('naïve €'));
  });

  it('signs a retry of a request with a non-ASCII header again from the bytes sent, and the gateway accepts both', async () => {
    await gw.close();
    let calls = 0;
    gw = await startGateway({
      apiKeys: [TEST_API_KEY],
      // Reached only by requests whose signature checked out.
      handler: () => (++calls === 1 ? { statusCode: 503, body: '{}' } : { statusCode: 200, body: '{"ok":true}' }),
    });
    const body = await signedApi({ retry: { limit: 2, delay: () => 0 } })
      .put('names/1', { headers: { 'x-name': 'Zoë' }, json: { n: 1 } })
      .json();

    expect(body).toEqual({ ok: true });
    const received = apiRequests(gw);
    expect(received.map((r) => r.status)).toEqual([503, 200]);
    expect(received.map((r) => wireBytes(r, 'x-name'))).toEqual([utf8('Zoë'), utf8('Zoë')]);
  });

  it('gets 200 concurrent requests accepted across a credential refresh', async () => {
    const total = 200;
    let arrived = 0;
    let failed = 0;
    let release!: () => void;
    const allIn = new Promise<void>((resolve) => {
      release = resolve;
    });
    const releaseWhenAllIn = () => {
      if (arrived + failed === total) release();
    };
    await gw.close();
    // Every answer is held back until all 200 requests are in: they are all in flight at once.
    gw = await startGateway({
      apiKeys: [TEST_API_KEY],
      handler: async (event) => {
        arrived += 1;
        releaseWhenAllIn();
        await allIn;
        return { statusCode: 200, body: JSON.stringify({ n: event.queryStringParameters?.n }) };
      },
    });
    const sts = fromAssumeRole({
      roleArn: TEST_ROLE_ARN,
      masterCredentials: { ...TEST_CREDENTIALS },
      clientConfig: { endpoint: gw.stsUrl, region: REGION },
    });
    // The first credentials claim to reach the signer's refresh point (5 minutes before expiration)
    // 300 ms from now, so the second half of the batch is signed after a refresh.
    const refreshMarginMs = 5 * 60 * 1000;
    let refreshAt = 0;
    let fetched = 0;
    const credentials = async () => {
      const fresh = await sts();
      fetched += 1;
      if (fetched > 1) return fresh;
      refreshAt = Date.now() + 300;
      return { ...fresh, expiration: new Date(refreshAt + refreshMarginMs) };
    };
    const api = signedApi({ retry: 0, timeout: 15_000 }, { ...signerOptions, credentials });
    const send = (n: number) =>
      api
        .get('concurrent', { searchParams: { n } })
        .json<{ n: string }>()
        .catch((error: unknown) => {
          failed += 1;
          releaseWhenAllIn();
          throw error;
        });

    const firstHalf = Array.from({ length: total / 2 }, (_, n) => send(n));
    while (refreshAt === 0 || Date.now() <= refreshAt) await new Promise((resolve) => setTimeout(resolve, 20));
    const secondHalf = Array.from({ length: total / 2 }, (_, n) => send(total / 2 + n));
    const results = await Promise.allSettled([...firstHalf, ...secondHalf]);

    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(0);
    expect(apiRequests(gw).filter((r) => r.status === 200)).toHaveLength(total);
    expect(stsRequests(gw).length).toBeGreaterThanOrEqual(2);
    const keys = new Set(apiRequests(gw).map((r) => accessKeyOf(r.headers.authorization)));
    expect(keys.size).toBeGreaterThanOrEqual(2);
  });

  it('retries a 503 with a fresh signature that the gateway accepts', async () => {
    await gw.close();
    let calls = 0;
    gw = await startGateway({
      apiKeys: [TEST_API_KEY],
      handler: () =>
        ++calls === 1
          ? { statusCode: 503, body: '{"message":"Service Unavailable"}' }
          : { statusCode: 200, body: '{"ok":true}' },
    });
    // A clock one second further on at every signing, so the retry's signature must differ.
    let signings = 0;
    const now = () => Date.now() + 1000 * signings++;
    const body = await signedApi({ retry: { limit: 2, delay: () => 0 } }, { ...signerOptions, now })
      .put('items/9', { json: { n: 9 } })
      .json();

    expect(body).toEqual({ ok: true });
    const received = apiRequests(gw);
    expect(received.map((r) => r.status)).toEqual([503, 200]);
    expect(received[0]?.headers['x-amz-date']).not.toBe(received[1]?.headers['x-amz-date']);
    expect(received[1]?.rawHeaders.filter(([name]) => name.toLowerCase() === 'authorization')).toHaveLength(1);
    expect(received[1]?.body.toString('utf8')).toBe('{"n":9}');
  });

  it('still aborts on timeout, after the signed request reached the API', async () => {
    await gw.close();
    let unblock!: () => void;
    const blocked = new Promise<void>((resolve) => {
      unblock = resolve;
    });
    let accepted = 0;
    gw = await startGateway({
      apiKeys: [TEST_API_KEY],
      // The handler runs only for a request whose signature checked out; it never answers in time.
      handler: async () => {
        accepted += 1;
        await blocked;
        return { statusCode: 200, body: '{}' };
      },
    });
    try {
      const error = await signedApi({ timeout: 1500, retry: 0 })
        .get('slow')
        .then(
          () => undefined,
          (e: unknown) => e,
        );

      expect((error as Error).name).toBe('TimeoutError');
      expect(accepted).toBe(1);
    } finally {
      unblock();
    }
  });

  it('rejects with the SigV4Error and sends nothing when the STS role cannot be assumed', async () => {
    const credentials = fromAssumeRole({
      roleArn: 'arn:aws:iam::123456789012:role/not-a-known-role',
      masterCredentials: { ...TEST_CREDENTIALS },
      clientConfig: { endpoint: gw.stsUrl, region: REGION, maxAttempts: 1 },
    });
    const error = await signedApi({ retry: 0 }, { ...signerOptions, credentials })
      .get('items')
      .then(
        () => undefined,
        (e: unknown) => e,
      );

    expect(isSigV4Error(error) && error.code).toBe('CREDENTIALS_PROVIDER_FAILED');
    expect(apiRequests(gw)).toHaveLength(0);
  });
});

/** The seed's calls, a tampered request, STS, streams and clock skew, as every adapter runs them. */
for (const v of KY_VERSIONS) {
  describeAdapterContract(
    'ky',
    ({ headers, signing, tamperAfterSigning, clockSkewRecipe }) => {
      // a fetch between ky and the network that changes a signed header
      const tamper = async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        const changed = new Headers(request.headers);
        changed.set('x-contract', 'changed');
        return fetch(new Request(request, { headers: changed }));
      };
      const retry = (v.ky as unknown as { retry: () => unknown }).retry;
      // the README's recipe; ky 2 calls afterResponse with ({ response }), ky 1 with (request, options, response)
      const correctSkew = async (...args: unknown[]) => {
        const response = (
          args[0] instanceof Request ? args[2] : (args[0] as { response: Response }).response
        ) as Response;
        if (clockSkewRecipe && response.status === 403 && isClockSkewError(await response.clone().text())) {
          clockSkewRecipe.correctClockSkew(response.headers.get('date') ?? Date.now());
          return retry();
        }
        return undefined;
      };
      const api = withSigV4(
        v.ky.create({
          headers,
          retry: clockSkewRecipe ? { limit: 1, delay: () => 0 } : 0,
          ...(tamperAfterSigning ? { fetch: tamper } : {}),
          ...(clockSkewRecipe ? { hooks: { afterResponse: [correctSkew as never] } } : {}),
        }),
        signing,
      );
      return {
        async send({ method, url, query, headers: extra, json, stream }) {
          const body = stream ? streamOf(stream) : undefined;
          const response = await api(url, {
            method,
            throwHttpErrors: false,
            ...(query ? { searchParams: query } : {}),
            ...(json === undefined ? {} : { json }),
            ...(body ? { body, headers: { ...extra, 'content-type': 'text/plain' } } : { headers: extra ?? {} }),
          });
          return { status: response.status, body: parseBody(await response.text()) };
        },
      };
    },
    { streams: true, variant: v.name, presignUrl },
  );
}

function streamOf(chunks: readonly string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
}
