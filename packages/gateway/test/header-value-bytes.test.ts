import { createSigner, type Signer } from '@sigv4/core';
import { type Gateway, parseRawRequest, startGateway, TEST_CREDENTIALS } from '@sigv4/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalHeaders, trimAll } from '../src/verify/canonical-headers.js';
import { sendRaw } from './support/raw-socket.js';

/**
 * Header values are byte strings (one char per octet). Trimall may only touch
 * ASCII whitespace: the byte 0xA0 ends the UTF-8 of `à` (C3 A0), of `蠠`
 * (E8 A0 A0) and of a no-break space (C2 A0), and `String.prototype.trim`
 * would strip it as if it were U+00A0.
 */
const FIXED_NOW = Date.parse('2026-01-15T12:00:00Z');
const latin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

describe('trimAll on byte strings', () => {
  it('keeps a trailing 0xA0 byte: voilà, 蠠 and a no-break space stay whole', () => {
    for (const text of ['voilà', '蠠', 'a\u00a0', 'à']) expect(trimAll(latin1(text)), text).toBe(latin1(text));
    expect(Buffer.from('蠠')).toEqual(Buffer.from([0xe8, 0xa0, 0xa0]));
  });

  it('trims SP/HTAB at the ends and collapses inner runs of SP/HTAB (and folded CR/LF) to one space', () => {
    expect(trimAll(' \t a \t\t b  \t')).toBe('a b');
    expect(trimAll('value1\r\n  value2\n     value3')).toBe('value1 value2 value3');
    expect(trimAll(latin1(' \tvoilà  à\t'))).toBe(latin1('voilà à'));
    expect(trimAll('   ')).toBe('');
  });

  it('canonicalizes every value of a signed header with it', () => {
    expect(
      canonicalHeaders(
        [
          ['X-Name', latin1(' voilà ')],
          ['x-name', latin1('蠠')],
        ],
        ['x-name'],
      ),
    ).toBe(`x-name:${latin1('voilà,蠠')}\n`);
  });

  it('parses raw request bytes without eating a value’s trailing 0xA0', () => {
    const req = parseRawRequest(
      Buffer.from('GET / HTTP/1.1\r\nHost: h\r\nx-name: voilà \r\nx-fold: à\r\n 蠠\r\n\r\n', 'utf8'),
    );
    expect(req.rawHeaders).toEqual([
      ['Host', 'h'],
      ['x-name', latin1('voilà')],
      ['x-fold', latin1('à 蠠')],
    ]);
  });
});

describe('UTF-8 header values ending in 0xA0, signed by @sigv4/core and sent as raw bytes', () => {
  let gw: Gateway;
  let signer: Signer;
  beforeAll(async () => {
    gw = await startGateway({ now: () => FIXED_NOW });
    signer = createSigner({
      region: gw.region,
      service: gw.service,
      credentials: TEST_CREDENTIALS,
      now: () => FIXED_NOW,
    });
  });
  afterAll(() => gw.close());

  async function sendSigned(headers: Record<string, string>, tamper = (head: string) => head) {
    const url = `${gw.url}/names`;
    const signed = await signer.sign({ url, headers });
    const lines = [`GET ${new URL(signed.url).pathname} HTTP/1.1`, `Host: ${new URL(url).host}`];
    for (const [name, value] of Object.entries(signed.headers)) lines.push(`${name}: ${value}`);
    // header values go out as their UTF-8 bytes, as every adapter sends them
    return sendRaw(url, Buffer.from(tamper(`${lines.join('\r\n')}\r\nConnection: close\r\n\r\n`), 'utf8'));
  }

  it('accepts x-name: voilà and x-cjk: 蠠 (E8 A0 A0) with 200', async () => {
    const res = await sendSigned({ 'x-name': 'voilà', 'x-cjk': '蠠' });
    expect(res.status, res.body).toBe(200);
    const record = gw.requests[gw.requests.length - 1];
    expect(record?.headers['x-name']).toBe(latin1('voilà'));
    expect(record?.headers['x-cjk']).toBe(latin1('蠠'));
  });

  it('accepts a value ending in a no-break space and one with an inner run of spaces after à', async () => {
    const res = await sendSigned({ 'x-nbsp': 'a\u00a0', 'x-inner': 'à  \t b' });
    expect(res.status, res.body).toBe(200);
  });

  it('refuses the request once the trailing 0xA0 byte is gone (à becomes the lone byte C3)', async () => {
    const res = await sendSigned({ 'x-name': 'voilà' }, (head) => head.replace('voilà', 'voil\u00c3'));
    expect(res.status).toBe(403);
    expect(res.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
  });
});
