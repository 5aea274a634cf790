import { Readable } from 'node:stream';
import { createSigner, isSigV4Error, type SignableRequest, type Signer } from '@sigv4/core';
import { type Gateway, startGateway, TEST_CREDENTIALS } from '@sigv4/gateway';
import axios, { type AxiosRequestConfig } from 'axios';
import FormDataPackage from 'form-data';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attachSigV4 } from '../src/index.js';
import { bodyBytes } from './helpers.js';

// Multipart bodies that axios builds itself in Node (postForm, `Content-Type: multipart/form-data`
// with an object) and `form-data` (npm) objects: signed as their bytes, sent byte-identical.

let gw: Gateway;

beforeAll(async () => {
  gw = await startGateway({});
});
afterAll(async () => {
  await gw.close();
});
beforeEach(() => {
  gw.requests.length = 0;
});

/** An instance signed by @sigv4/core that remembers each request it signed. */
function client(adapter: 'http' | 'fetch') {
  const real = createSigner({ region: 'eu-central-1', service: 'execute-api', credentials: TEST_CREDENTIALS });
  const signed: SignableRequest[] = [];
  const signer = Object.create(real) as Signer;
  signer.sign = (request) => {
    signed.push(request);
    return real.sign(request);
  };
  const api = axios.create({ baseURL: gw.url, proxy: false, adapter });
  attachSigV4(api, { signer });
  return { api, signed };
}

/** Sends one request and checks that the gateway accepted exactly the signed body and content type. */
async function sendMultipart(
  adapter: 'http' | 'fetch',
  send: (api: ReturnType<typeof client>['api']) => Promise<unknown>,
) {
  const { api, signed } = client(adapter);
  const response = (await send(api)) as { status: number; data: { body: string } };
  expect(response.status).toBe(200);
  expect(signed).toHaveLength(1);
  const [wire] = gw.requests;
  const signedHeaders = signed[0]!.headers as Record<string, string>;
  expect(wire!.status).toBe(200);
  expect(wire!.headers['content-type']).toBe(signedHeaders['content-type']);
  expect(wire!.body.equals(bodyBytes(signed[0]!.body)), 'body bytes').toBe(true);
  expect(wire!.headers['authorization']).toMatch(/SignedHeaders=[^,]*content-type/);
  expect(wire!.headers['x-amz-content-sha256'] ?? '').not.toBe('UNSIGNED-PAYLOAD');
  const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(wire!.headers['content-type']!)?.[1];
  expect(boundary).toBeTruthy();
  return { body: wire!.body.toString('latin1'), boundary: boundary!, echoed: response.data.body };
}

const part = (boundary: string, name: string, value: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

for (const adapter of ['http', 'fetch'] as const) {
  describe(`multipart bodies built by axios are signed as their bytes (${adapter} adapter)`, () => {
    it('signs postForm with an object as its multipart bytes, as plain axios sends it', async () => {
      const { body, boundary, echoed } = await sendMultipart(adapter, (api) => api.postForm('/a', { a: 'b c' }));
      expect(body).toBe(`${part(boundary, 'a', 'b c')}--${boundary}--\r\n`);
      expect(echoed).toContain('b c');
    });

    it("signs an object posted with Content-Type 'multipart/form-data', including arrays and a Blob field", async () => {
      const config: AxiosRequestConfig = { headers: { 'content-type': 'multipart/form-data' } };
      const { body, boundary } = await sendMultipart(adapter, (api) =>
        api.post('/a', { a: 'b c', n: [1, 2], file: new Blob(['zz'], { type: 'text/plain' }) }, config),
      );
      expect(body).toContain(part(boundary, 'a', 'b c'));
      expect(body).toContain(part(boundary, 'n[]', '1'));
      expect(body).toContain('Content-Type: text/plain\r\n\r\nzz\r\n');
    });

    it('signs a form-data (npm) object without stream parts as its getBuffer() bytes and boundary', async () => {
      const form = new FormDataPackage();
      form.append('field', 'value');
      form.append('bin', Buffer.from([0, 1, 255]), 'b.bin');
      const { body, boundary } = await sendMultipart(adapter, (api) => api.post('/a', form));
      expect(boundary).toBe(form.getBoundary());
      expect(Buffer.from(body, 'latin1').equals(form.getBuffer())).toBe(true);
    });
  });
}

describe('form-data (npm) objects with a stream part', () => {
  it('rejects them with UNSUPPORTED_BODY when unsigned payloads are not allowed, and sends nothing', async () => {
    const form = new FormDataPackage();
    form.append('field', 'value');
    form.append('file', Readable.from([Buffer.from('streamed')]), 'f.txt');
    const { api } = client('http');
    const error = await api.post('/a', form).catch((e: unknown) => e);
    expect(isSigV4Error(error) && error.code).toBe('UNSUPPORTED_BODY');
    expect(gw.requests).toHaveLength(0);
  });
});
