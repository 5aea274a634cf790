import { createSigner, normalizeAdapterOptions, presignFetchRequest, presignUrl } from '@sigv4/core';
import { describe, expect, it } from 'vitest';
import { API_URL, CREDENTIALS, FIXED_NOW } from './support/fixtures.js';

const options = { region: 'eu-central-1', service: 'execute-api', credentials: CREDENTIALS, now: FIXED_NOW };

describe('adapter options', () => {
  it('corrects clock skew and signs headers by default', () => {
    expect(normalizeAdapterOptions(undefined)).toEqual({ correctClockSkew: true, signQuery: undefined });
    expect(normalizeAdapterOptions({ correctClockSkew: false, signQuery: true })).toEqual({
      correctClockSkew: false,
      signQuery: { expiresIn: 900 },
    });
    expect(normalizeAdapterOptions({ signQuery: { expiresIn: 60 } }).signQuery).toEqual({ expiresIn: 60 });
  });

  it.each([
    [{ correctClockSkew: 'no' }],
    [{ signQuery: 'yes' }],
    [{ signQuery: { expiresIn: 0 } }],
    [{ signQuery: { expiresIn: 604801 } }],
  ])('refuses %j with INVALID_OPTIONS', (given) => {
    expect(() => normalizeAdapterOptions(given as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });
});

describe('presignUrl', () => {
  it("presigns with an adapter's options as the signer's presign does", async () => {
    const url = `${API_URL}/report`;
    const expected = await createSigner(options).presign({ url, expiresIn: 300 });
    expect(await presignUrl(url, { ...options, expiresIn: 300 })).toBe(expected);
    expect(await presignUrl(url, { signer: createSigner(options), expiresIn: 300 })).toBe(expected);
  });
});

describe('presignFetchRequest', () => {
  it('presigns what fetch would send, hashing the body, with the x-amz-* headers moved to the query', async () => {
    const signer = createSigner(options);
    const sent = await presignFetchRequest(
      signer,
      `${API_URL}/items#part`,
      { method: 'post', headers: { 'content-type': 'application/json', 'x-amz-meta-a': 'b' }, body: '{"a":1}' },
      { expiresIn: 60 },
    );
    const expected = await signer.presign({
      method: 'POST',
      url: `${API_URL}/items`,
      headers: { 'content-type': 'application/json', 'x-amz-meta-a': 'b' },
      body: new TextEncoder().encode('{"a":1}'),
      expiresIn: 60,
    });

    expect(sent.input).toBe(expected);
    expect(new Headers(sent.init.headers).has('x-amz-meta-a')).toBe(false);
    expect(new TextDecoder().decode(sent.init.body as Uint8Array)).toBe('{"a":1}');
    expect(sent.init.method).toBe('POST');
  });
});
