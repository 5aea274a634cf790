import { createSigner, isSigV4Error, resolveSigner, type SignerOptions } from '@sigv4/core';
import aws4 from 'aws4';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_URL, CREDENTIALS, FIXED_NOW, TEMP_CREDENTIALS } from './support/fixtures.js';

const signer = (options: SignerOptions = {}) =>
  createSigner({
    region: 'eu-central-1',
    service: 'execute-api',
    credentials: CREDENTIALS,
    now: FIXED_NOW,
    ...options,
  });

const signatureOf = (authorization: string | undefined): string =>
  /Signature=([0-9a-f]{64})$/.exec(authorization ?? '')?.[1] ?? '';
const signedHeadersOf = (authorization: string | undefined): string =>
  /SignedHeaders=([^,]+),/.exec(authorization ?? '')?.[1] ?? '';

/** aws4 signs independently (its own canonicalization): a second opinion on our signatures. */
function aws4Signature(
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = CREDENTIALS,
): string {
  const u = new URL(url);
  const request = {
    method,
    host: u.host,
    path: `${u.pathname}${u.search}`,
    service: 'execute-api',
    region: 'eu-central-1',
    headers: { ...headers, 'X-Amz-Date': '20150830T123600Z' },
    ...(body === undefined ? {} : { body }),
  };
  const signed = aws4.sign(request, credentials) as { headers: Record<string, string> };
  return signatureOf(signed.headers.Authorization);
}

describe('sign', () => {
  it('returns lower-case headers with x-amz-date and authorization', async () => {
    const signed = await signer().sign({ method: 'get', url: API_URL, headers: { 'X-Custom': 'a' } });
    expect(signed.method).toBe('GET');
    expect(signed.headers).toEqual({
      'x-custom': 'a',
      'x-amz-date': '20150830T123600Z',
      authorization: expect.stringMatching(
        /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20150830\/eu-central-1\/execute-api\/aws4_request, SignedHeaders=host;x-amz-date;x-custom, Signature=[0-9a-f]{64}$/,
      ),
    });
  });

  it('matches an independent signer (aws4) for a JSON POST', async () => {
    const body = JSON.stringify({ hello: 'world' });
    const headers = { 'content-type': 'application/json', 'content-length': String(body.length) };
    const signed = await signer().sign({ method: 'POST', url: `${API_URL}?a=1&b=x`, headers, body });
    expect(signatureOf(signed.headers.authorization)).toBe(aws4Signature('POST', `${API_URL}?a=1&b=x`, headers, body));
  });

  it('signs host from the URL but does not return it unless the caller passed it', async () => {
    const signed = await signer().sign({ url: API_URL });
    expect(signed.headers.host).toBeUndefined();
    expect(signedHeadersOf(signed.headers.authorization)).toBe('host;x-amz-date');
    const withHost = await signer().sign({
      url: API_URL,
      headers: { Host: 'abc123.execute-api.eu-central-1.amazonaws.com' },
    });
    expect(withHost.headers.host).toBe('abc123.execute-api.eu-central-1.amazonaws.com');
    expect(withHost.headers.authorization).toBe(signed.headers.authorization);
  });

  it('signs a non-default port into host and leaves the default port out', async () => {
    const s = signer();
    const explained = await s.explain({ url: 'http://127.0.0.1:8080/prod/items' });
    expect(explained.canonicalRequest).toContain('\nhost:127.0.0.1:8080\n');
    const defaultPort = await s.explain({ url: 'https://abc123.execute-api.eu-central-1.amazonaws.com:443/prod' });
    expect(defaultPort.canonicalRequest).toContain('\nhost:abc123.execute-api.eu-central-1.amazonaws.com\n');
    const url = 'http://127.0.0.1:8080/prod/items';
    const signed = await s.sign({ url });
    expect(signatureOf(signed.headers.authorization)).toBe(aws4Signature('GET', url, {}));
  });

  it('adds x-amz-security-token when credentials carry a session token', async () => {
    const signed = await signer({ credentials: TEMP_CREDENTIALS }).sign({ url: API_URL });
    expect(signed.headers['x-amz-security-token']).toBe(TEMP_CREDENTIALS.sessionToken);
    expect(signedHeadersOf(signed.headers.authorization)).toBe('host;x-amz-date;x-amz-security-token');
    expect(signatureOf(signed.headers.authorization)).toBe(
      aws4Signature('GET', API_URL, {}, undefined, TEMP_CREDENTIALS),
    );
  });

  it('replaces authorization, x-amz-date and x-amz-security-token left by an earlier signing', async () => {
    const s = signer();
    const first = await s.sign({ url: API_URL });
    const again = await s.sign({ url: API_URL, headers: { ...first.headers, 'X-Amz-Security-Token': 'stale' } });
    expect(again.headers).toEqual(first.headers);
  });

  it('returns the URL a client sends (WHATWG-serialized, no fragment) and signs that path and query', async () => {
    const url = 'https://ABC123.execute-api.eu-central-1.amazonaws.com:443/prod/a%20b/?q=a+b&q=c&empty=&flag#frag';
    const signed = await signer().sign({ url });
    expect(signed.url).toBe('https://abc123.execute-api.eu-central-1.amazonaws.com/prod/a%20b/?q=a+b&q=c&empty=&flag');
    expect(new URL(signed.url).href).toBe(signed.url);
    const info = await signer().explain({ url });
    // The path is signed as sent and encoded once more (non-S3 rule); "+" in the query is a space.
    expect(info.canonicalRequest.split('\n').slice(1, 3)).toEqual(['/prod/a%2520b/', 'empty=&flag=&q=a%20b&q=c']);
  });

  it.each([
    ['/a b', '/a%20b'],
    ['/é', '/%C3%A9'],
    ['/a"b', '/a%22b'],
    ['/a{b}', '/a%7Bb%7D'],
    ['/a^b', '/a%5Eb'],
    ['/a`b', '/a%60b'],
    ['/a<b>', '/a%3Cb%3E'],
    ['/a\\b', '/a/b'],
    ['/x/%2e%2e/a', '/a'],
    ['/x/./y/../a', '/x/a'],
  ])('signs %s as the path clients send, %s', async (written, sent) => {
    const s = signer();
    const signed = await s.sign({ url: `https://api.example.com${written}` });
    expect(signed.url).toBe(`https://api.example.com${sent}`);
    const same = await s.sign({ url: `https://api.example.com${sent}` });
    expect(signed.headers.authorization).toBe(same.headers.authorization);
  });

  it('signs the query as clients send it (quotes, angle brackets, spaces, UTF-8)', async () => {
    const s = signer();
    const signed = await s.sign({ url: 'https://api.example.com/a?q="x" <y>&r=é' });
    expect(signed.url).toBe('https://api.example.com/a?q=%22x%22%20%3Cy%3E&r=%C3%A9');
    expect(signed.headers.authorization).toBe((await s.sign({ url: signed.url })).headers.authorization);
  });

  it('accepts a URL object and signs its href', async () => {
    const url = new URL(API_URL);
    const signed = await signer().sign({ url });
    expect(signed.url).toBe(url.href);
  });

  it('signs a URL object with a fragment without the fragment, and leaves the object unchanged', async () => {
    const url = new URL(`${API_URL}?a=1#part`);
    const signed = await signer().sign({ url });
    expect(signed.url).toBe(`${API_URL}?a=1`);
    expect(url.href).toBe(`${API_URL}?a=1#part`);
  });

  it('joins repeated header values with commas and drops undefined ones', async () => {
    const info = await signer().explain({ url: API_URL, headers: { 'x-a': ['1', '2'], 'x-b': undefined, 'x-n': 3 } });
    expect(info.canonicalRequest).toContain('x-a:1,2\n');
    expect(info.canonicalRequest).toContain('x-n:3\n');
    expect(info.signedHeaders).toEqual(['host', 'x-a', 'x-amz-date', 'x-n']);
  });

  it('reads Headers instances and [name, value] pairs', async () => {
    const fromHeaders = await signer().sign({ url: API_URL, headers: new Headers({ 'X-A': '1' }) });
    const fromPairs = await signer().sign({ url: API_URL, headers: [['x-a', '1']] });
    expect(fromHeaders.headers).toEqual(fromPairs.headers);
    expect(fromPairs.headers['x-a']).toBe('1');
  });

  it('reads only the own properties of a header object, not inherited ones', async () => {
    const inherited = Object.assign(Object.create({ 'x-inherited': 'no' }) as Record<string, string>, { 'x-a': '1' });
    const signed = await signer().sign({ url: API_URL, headers: inherited });
    expect(signed.headers['x-inherited']).toBeUndefined();
    expect(signedHeadersOf(signed.headers.authorization)).toBe('host;x-a;x-amz-date');
  });

  it('matches an independent signer (aws4) for a request with hundreds of mixed-case headers', async () => {
    const headers = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`X-Custom-${299 - i}`, ` v  ${i} `]));
    const signed = await signer().sign({ method: 'GET', url: API_URL, headers });
    expect(signatureOf(signed.headers.authorization)).toBe(aws4Signature('GET', API_URL, headers));
  });

  it('does not sign headers that proxies and clients change (user-agent)', async () => {
    const info = await signer().explain({ url: API_URL, headers: { 'user-agent': 'x/1' } });
    expect(info.signedHeaders).toEqual(['host', 'x-amz-date']);
  });

  it('uses the clock option and the clock offset for the signing date', async () => {
    const s = signer();
    s.clockOffset = 60_000;
    const signed = await s.sign({ url: API_URL });
    expect(signed.headers['x-amz-date']).toBe('20150830T123700Z');
  });

  it('explains with the same signature that sign puts in authorization', async () => {
    const s = signer({ credentials: TEMP_CREDENTIALS });
    const request = {
      method: 'PUT',
      url: `${API_URL}/1?x=y`,
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    };
    const [signed, info] = await Promise.all([s.sign(request), s.explain(request)]);
    expect(signatureOf(signed.headers.authorization)).toBe(info.signature);
    expect(signedHeadersOf(signed.headers.authorization)).toBe(info.signedHeaders.join(';'));
    expect(info).toMatchObject({
      accessKeyId: 'ASIAEXAMPLE',
      region: 'eu-central-1',
      service: 'execute-api',
      signingDate: '20150830T123600Z',
      credentialScope: '20150830/eu-central-1/execute-api/aws4_request',
    });
    expect(JSON.stringify(info)).not.toContain(TEMP_CREDENTIALS.secretAccessKey);
    expect(JSON.stringify(info)).not.toContain(TEMP_CREDENTIALS.sessionToken);
  });
});

describe('resolveSigner', () => {
  it('returns the given signer as it is', () => {
    const s = signer();
    expect(resolveSigner({ signer: s })).toBe(s);
  });

  it('creates a signer from options', async () => {
    const s = resolveSigner({
      region: 'eu-central-1',
      service: 'execute-api',
      credentials: CREDENTIALS,
      now: FIXED_NOW,
    });
    const signed = await s.sign({ url: API_URL });
    expect(signed.headers.authorization).toBe((await signer().sign({ url: API_URL })).headers.authorization);
  });

  it('rejects a signer option that is not a signer', () => {
    let error: unknown;
    try {
      resolveSigner({ signer: {} as never });
    } catch (e) {
      error = e;
    }
    expect(isSigV4Error(error) && error.code).toBe('INVALID_OPTIONS');
  });
});

describe('canonical query', () => {
  const canonicalQueryOf = async (url: string): Promise<string> =>
    (await signer().explain({ url })).canonicalRequest.split('\n')[2] ?? '';

  it.each([
    ['?q=%FF', 'q=%FF'],
    ['?q=%C3', 'q=%C3'],
    ['?name=caf%E9', 'name=caf%E9'],
    ['?%FF=1&%fe=2', '%FE=2&%FF=1'],
    ['?q=%c3%a9%2b+x', 'q=%C3%A9%2B%20x'],
    ['?q=%zz&r=%2&s=%', 'q=%25zz&r=%252&s=%25'],
  ])('keeps the bytes of %s (AWS canonicalizes bytes, not decoded text): %s', async (query, canonical) => {
    expect(await canonicalQueryOf(`https://api.example.com/a${query}`)).toBe(canonical);
  });

  it('sorts by encoded name, then by encoded value', async () => {
    expect(await canonicalQueryOf('https://api.example.com/a?a-b=2&a=2&a=10&%C3%A9=1&B=0')).toBe(
      '%C3%A9=1&B=0&a=10&a=2&a-b=2',
    );
  });

  it('reads valid UTF-8 queries as URLSearchParams does, re-encoded per RFC 3986', async () => {
    const rfc3986 = (text: string) =>
      encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const part = fc.string({
      unit: fc.constantFrom(
        'a',
        'B',
        '1',
        '+',
        '%',
        '%2',
        '%20',
        '%2B',
        '%E1%88%B4',
        '=',
        '&',
        ' ',
        'é',
        '~',
        '*',
        '"',
        "'",
        '<',
      ),
    });
    await fc.assert(
      fc.asyncProperty(part, async (raw) => {
        const url = `https://api.example.com/a?${raw}`;
        const decoded = [...new URLSearchParams(new URL(url).search)];
        fc.pre(!decoded.some(([name, value]) => `${name}${value}`.includes('\uFFFD'))); // invalid UTF-8: see the cases above
        const expected = decoded
          .map(([name, value]) => [rfc3986(name), rfc3986(value)] as const)
          .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
          .map(([name, value]) => `${name}=${value}`)
          .join('&');
        expect(await canonicalQueryOf(url)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
