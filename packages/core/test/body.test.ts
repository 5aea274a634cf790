import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createSigner, isSigV4Error, type SignableBody } from '@sigv4/core';
import { describe, expect, it } from 'vitest';
import { API_URL, CREDENTIALS, FIXED_NOW } from './support/fixtures.js';

const signer = createSigner({
  region: 'eu-central-1',
  service: 'execute-api',
  credentials: CREDENTIALS,
  now: FIXED_NOW,
  applyChecksum: true,
});
const unsigned = createSigner({
  region: 'eu-central-1',
  service: 'execute-api',
  credentials: CREDENTIALS,
  now: FIXED_NOW,
  unsignedPayload: true,
});

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
const payloadHashOf = (canonicalRequest: string): string =>
  canonicalRequest.slice(canonicalRequest.lastIndexOf('\n') + 1);

const JSON_TEXT = JSON.stringify({ name: 'crème brûlée', n: 1 });
const BYTES = new TextEncoder().encode(JSON_TEXT);

const HASHABLE: [string, () => SignableBody, Uint8Array][] = [
  ['a string (as UTF-8)', () => JSON_TEXT, BYTES],
  ['a Uint8Array', () => BYTES, BYTES],
  ['a Buffer', () => Buffer.from(BYTES) as unknown as Uint8Array, BYTES],
  ['an ArrayBuffer', () => BYTES.slice().buffer, BYTES],
  [
    'a DataView over part of a buffer',
    () => new DataView(new Uint8Array([9, ...BYTES, 9]).buffer, 1, BYTES.length),
    BYTES,
  ],
  ['a Float32Array', () => new Float32Array([1.5, -2]), new Uint8Array(new Float32Array([1.5, -2]).buffer)],
  ['a Blob', () => new Blob([BYTES], { type: 'application/json' }), BYTES],
  ['URLSearchParams', () => new URLSearchParams({ a: '1 2', b: 'ü' }), new TextEncoder().encode('a=1+2&b=%C3%BC')],
];

describe('bodies', () => {
  it.each(HASHABLE)('hashes %s into the payload hash and x-amz-content-sha256', async (_name, make, bytes) => {
    const body = make();
    const signed = await signer.sign({ method: 'POST', url: API_URL, body });
    expect(signed.headers['x-amz-content-sha256']).toBe(sha256(bytes));
    const info = await signer.explain({ method: 'POST', url: API_URL, body: make() });
    expect(payloadHashOf(info.canonicalRequest)).toBe(sha256(bytes));
  });

  it('hashes the empty payload when there is no body', async () => {
    for (const body of [undefined, null]) {
      const info = await signer.explain({ method: 'POST', url: API_URL, body });
      expect(payloadHashOf(info.canonicalRequest)).toBe(sha256(''));
    }
  });

  it('returns the body to send: bytes and Blobs as given, URLSearchParams as its string', async () => {
    const blob = new Blob(['x']);
    expect((await signer.sign({ method: 'POST', url: API_URL, body: blob })).body).toBe(blob);
    expect((await signer.sign({ method: 'POST', url: API_URL, body: BYTES })).body).toBe(BYTES);
    const form = await signer.sign({ method: 'POST', url: API_URL, body: new URLSearchParams({ a: '1' }) });
    expect(form.body).toBe('a=1');
  });

  it('adds a form content-type to a URLSearchParams body unless the caller set one', async () => {
    const added = await signer.sign({ method: 'POST', url: API_URL, body: new URLSearchParams({ a: '1' }) });
    expect(added.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(added.headers.authorization).toContain('SignedHeaders=content-type;');
    const kept = await signer.sign({
      method: 'POST',
      url: API_URL,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ a: '1' }),
    });
    expect(kept.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('keeps a payload hash the caller set in x-amz-content-sha256', async () => {
    const info = await signer.explain({
      method: 'PUT',
      url: API_URL,
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      body: 'abc',
    });
    expect(payloadHashOf(info.canonicalRequest)).toBe('UNSIGNED-PAYLOAD');
  });

  const STREAMS: [string, () => SignableBody][] = [
    [
      'a ReadableStream',
      () =>
        new ReadableStream<Uint8Array>({
          start: (c) => {
            c.enqueue(BYTES);
            c.close();
          },
        }),
    ],
    [
      'an async iterable',
      () =>
        (async function* () {
          yield BYTES;
        })(),
    ],
    ['a Node Readable', () => Readable.from([BYTES]) as unknown as AsyncIterable<Uint8Array>],
  ];

  it.each(STREAMS)('refuses %s without unsignedPayload, saying how to sign it', async (_name, make) => {
    const error = await signer.sign({ method: 'PUT', url: API_URL, body: make() }).catch((e: unknown) => e);
    expect(isSigV4Error(error) && error.code).toBe('UNSUPPORTED_BODY');
    expect((error as Error).message).toContain('unsignedPayload: true');
  });

  it.each(STREAMS)(
    'signs %s as UNSIGNED-PAYLOAD with unsignedPayload: true and returns it unread',
    async (_name, make) => {
      const body = make();
      const signed = await unsigned.sign({ method: 'PUT', url: API_URL, body });
      expect(signed.body).toBe(body);
      expect(signed.headers['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
      expect(signed.headers.authorization).toContain('x-amz-content-sha256');
      const info = await unsigned.explain({ method: 'PUT', url: API_URL, body: make() });
      expect(payloadHashOf(info.canonicalRequest)).toBe('UNSIGNED-PAYLOAD');
    },
  );

  it('refuses FormData and plain objects with UNSUPPORTED_BODY', async () => {
    const form = new FormData();
    form.set('a', '1');
    for (const body of [form, { a: 1 }, 42]) {
      const error = await signer.sign({ method: 'POST', url: API_URL, body: body as never }).catch((e: unknown) => e);
      expect(isSigV4Error(error) && error.code).toBe('UNSUPPORTED_BODY');
    }
  });
});
