import { type Gateway, startGateway } from '@sigv4/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalPath } from '../src/verify/canonical-path.js';
import { splitTarget } from '../src/verify/raw-request.js';
import { sendRaw, toWire } from './support/raw-socket.js';
import { caseCredentials, loadSuite, type SuiteCase } from './support/suite.js';

/**
 * Node's HTTP parser (like any RFC 9112 server) answers 400 to a request line
 * holding a raw space or raw non-ASCII bytes and to obs-folded header lines,
 * so these suite requests cannot travel over a socket as written. They are
 * covered by the raw `verifyRequest` tests instead.
 */
function sendableOverHttp(c: SuiteCase): boolean {
  const [requestLine = ''] = c.signed.header.toString('latin1').split('\n');
  const target = requestLine.slice(requestLine.indexOf(' ') + 1, requestLine.lastIndexOf(' '));
  return !/[ \u0080-\u00ff]/.test(target) && !/\n[ \t]/.test(c.signed.header.toString('latin1'));
}

const cases = loadSuite();
const wireCases = cases.filter(sendableOverHttp);

describe('suite requests written byte for byte to a real socket', () => {
  it('leaves out only the cases that are not valid HTTP/1.1 on the wire', () => {
    expect(cases.filter((c) => !sendableOverHttp(c)).map((c) => c.name)).toEqual([
      'get-header-value-multiline',
      'get-space-normalized',
      'get-space-unnormalized',
      'get-utf8',
      'get-vanilla-utf8-query',
    ]);
  });

  for (const c of wireCases) {
    describe(c.name, () => {
      let gw: Gateway;
      beforeAll(async () => {
        // stage '' serves at the root, so the suite's own paths reach the verifier
        gw = await startGateway({
          region: c.context.region,
          service: c.context.service,
          stage: '',
          users: [caseCredentials(c.context)],
          now: () => new Date(c.context.timestamp),
        });
      });
      afterAll(() => gw.close());

      // The gateway normalizes paths like execute-api: a case signed without
      // normalization passes only if normalizing does not change its path.
      const [requestLine = ''] = c.signed.header.toString('latin1').split('\n');
      const rawPath = splitTarget(requestLine.split(' ')[1] ?? '/').path;
      const expectedOk =
        canonicalPath(rawPath, { normalize: true, encode: true }) ===
        canonicalPath(rawPath, { normalize: c.context.normalize, encode: true });

      it(`${expectedOk ? 'accepts' : 'refuses (execute-api normalizes the path)'} the header-signed request`, async () => {
        const res = await sendRaw(gw.url, toWire(c.signed.header));
        expect(res.status, res.body).toBe(expectedOk ? 200 : 403);
        if (!expectedOk) expect(res.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
      });

      const presignOk = expectedOk && c.context.omit_session_token !== true;
      it(`${presignOk ? 'accepts' : 'refuses'} the presigned request`, async () => {
        const res = await sendRaw(gw.url, toWire(c.signed.query));
        expect(res.status, res.body).toBe(presignOk ? 200 : 403);
      });

      it('refuses the header-signed request with one body byte more', async () => {
        const wire = toWire(c.signed.header);
        const text = wire.toString('latin1');
        const hasLength = /\r\ncontent-length:/i.test(text);
        const tampered = hasLength
          ? `${text.replace(/(\r\ncontent-length:)(\d+)/i, (_, h: string, n: string) => `${h}${Number(n) + 1}`)}x`
          : text.replace('\r\n\r\n', '\r\nContent-Length: 1\r\n\r\nx');
        const res = await sendRaw(gw.url, Buffer.from(tampered, 'latin1'));
        expect(res.status).toBe(403);
        expect(res.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
      });
    });
  }
});
