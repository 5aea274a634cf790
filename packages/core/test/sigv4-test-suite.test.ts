import { createSigner } from '@sigv4/core';
import { describe, expect, it } from 'vitest';
import { Sha256 } from '../src/platform/node.js';
import { computePresignedQuery } from '../src/signer/compute-presign.js';
import { computeSignature } from '../src/signer/compute-signature.js';
import { encodePathOnce } from '../src/signer/encode-path-once.js';
import { KIT } from '../src/signer/kit.js';
import { prepareRequest } from '../src/signer/prepare-request.js';
import { readRequest } from '../src/signer/read-request.js';
import { createSmithySigner, toCanonicalPath } from '../src/signer/smithy-signer.js';
import { loadSuite, parseRawRequest, type SuiteCase } from './support/test-suite.js';

const cases = loadSuite();

function signerFor(suiteCase: SuiteCase) {
  const { context } = suiteCase;
  const omitToken = context.omit_session_token === true;
  return createSigner({
    region: context.region,
    service: context.service,
    credentials: {
      accessKeyId: context.credentials.access_key_id,
      secretAccessKey: context.credentials.secret_access_key,
      ...(context.credentials.token && !omitToken ? { sessionToken: context.credentials.token } : {}),
    },
    // normalize: false means S3-style paths: used as given, encoded once.
    uriEscapePath: context.normalize,
    applyChecksum: context.sign_body,
    now: () => new Date(context.timestamp),
  });
}

const host = (suiteCase: SuiteCase): string =>
  suiteCase.request.headers.find(([name]) => name.toLowerCase() === 'host')?.[1] ?? '';

const urlOf = (suiteCase: SuiteCase): string => `https://${host(suiteCase)}${suiteCase.request.target}`;

/** The URL as a client sends it: WHATWG serialization, what fetch, undici and browsers put on the request line. */
const onTheWire = (url: string): string => new URL(url).href;

/**
 * Vectors whose request line no WHATWG client can send, with the canonical path AWS computes for what
 * a client does send. The vector's request line has a literal space or UTF-8 bytes (a client sends
 * `%20` / `%E1%88%B4`, which the non-S3 rule encodes once more), or `.`/`..` segments with
 * `normalize: false` (the WHATWG parser removes them before sending, also when written `%2e`).
 * `sign()` signs the wire form, so these vectors are checked below against the internal pipeline
 * given the raw request line, and `sign()` against the canonical path of the wire form.
 */
const RAW_ONLY: Record<string, { wireCanonicalPath: string }> = {
  'get-utf8': { wireCanonicalPath: '/%25E1%2588%25B4' },
  'get-space-normalized': { wireCanonicalPath: '/example%2520space/' },
  'get-relative-unnormalized': { wireCanonicalPath: '/' },
  'get-relative-relative-unnormalized': { wireCanonicalPath: '/' },
  'get-slash-dot-slash-unnormalized': { wireCanonicalPath: '/' },
  'get-slash-pointless-dot-unnormalized': { wireCanonicalPath: '/example' },
};

/** Signs a vector with its raw request-line path: sign()'s own steps, with the path swapped in. */
async function signRawTarget(suiteCase: SuiteCase) {
  const { context, request } = suiteCase;
  const target = {
    region: context.region,
    service: context.service,
    uriEscapePath: context.normalize,
    applyChecksum: context.sign_body,
    unsignedPresign: false,
  };
  const identity = {
    accessKeyId: context.credentials.access_key_id,
    secretAccessKey: context.credentials.secret_access_key,
  };
  const rawPath = request.target.split('?')[0] ?? '/';
  const prepare = async () => {
    const { prepared } = await prepareRequest(
      await readRequest(
        { method: request.method, url: urlOf(suiteCase), headers: request.headers, body: request.body },
        'sign',
      ),
      async () => target,
      false,
    );
    // The canonical path of the raw path, by the rules prepareRequest applies to the wire path.
    prepared.smithy.path = context.normalize ? await toCanonicalPath(rawPath) : encodePathOnce(rawPath);
    return prepared.smithy;
  };
  const smithy = createSmithySigner(target, Sha256);
  const date = new Date(context.timestamp);
  const parts = await computeSignature(smithy, await prepare(), target, identity, date);
  const query = await computePresignedQuery(KIT, smithy, await prepare(), target, identity, date, {
    expiresIn: context.expiration_in_seconds,
    keepOut: new Set(),
  });
  return { ...parts, presignedSignature: query['X-Amz-Signature'] };
}

/** Header lines as a name -> value map (lower-case names, repeated names joined with ","). */
function headerMap(lines: [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of lines) {
    const key = name.toLowerCase();
    out[key] = out[key] === undefined ? value.trim() : `${out[key]},${value.trim()}`;
  }
  return out;
}

describe('AWS SigV4 test suite (v4)', () => {
  it('has all 38 cases', () => {
    expect(cases).toHaveLength(38);
  });

  it('lists as raw-only exactly the vectors whose request line differs from its WHATWG serialization', () => {
    const differing = cases.filter((c) => onTheWire(urlOf(c)) !== urlOf(c)).map((c) => c.name);
    // The others differ only in ways that do not change the canonical request (dot segments that
    // normalize: true removes anyway, a UTF-8 query that is decoded first, an S3 path encoded once).
    const harmless = [
      'get-relative-normalized',
      'get-relative-relative-normalized',
      'get-slash-dot-slash-normalized',
      'get-slash-pointless-dot-normalized',
      'get-space-unnormalized',
      'get-vanilla-utf8-query',
    ];
    expect(differing.sort()).toEqual([...Object.keys(RAW_ONLY), ...harmless].sort());
  });

  describe.each(cases.filter((c) => c.name in RAW_ONLY).map((c) => [c.name, c] as const))(
    '%s (raw request line)',
    (name, suiteCase) => {
      it('matches the vector when its raw request-line path is signed', async () => {
        const raw = await signRawTarget(suiteCase);
        expect(raw.canonicalRequest).toBe(suiteCase.read('header-canonical-request.txt'));
        expect(raw.stringToSign).toBe(suiteCase.read('header-string-to-sign.txt'));
        expect(raw.signature).toBe(suiteCase.read('header-signature.txt'));
        expect(raw.presignedSignature).toBe(suiteCase.read('query-signature.txt'));
      });

      it('sign() signs the path a client sends for that URL instead', async () => {
        const url = urlOf(suiteCase);
        const info = await signerFor(suiteCase).explain({
          method: suiteCase.request.method,
          url,
          headers: suiteCase.request.headers,
        });
        expect(info.canonicalRequest.split('\n')[1]).toBe(RAW_ONLY[name]?.wireCanonicalPath);
        expect((await signerFor(suiteCase).sign({ url })).url).toBe(onTheWire(url));
      });
    },
  );

  describe.each(cases.filter((c) => !(c.name in RAW_ONLY)).map((c) => [c.name, c] as const))(
    '%s',
    (_name, suiteCase) => {
      const { context, request } = suiteCase;
      const token = context.credentials.token;
      const omitToken = context.omit_session_token === true;
      const input = { method: request.method, url: urlOf(suiteCase), headers: request.headers, body: request.body };

      it('signs with the expected Authorization header and headers', async () => {
        const signed = await signerFor(suiteCase).sign(input);
        const expected = parseRawRequest(suiteCase.read('header-signed-request.txt'));
        const signature = suiteCase.read('header-signature.txt');
        expect(signed.headers.authorization).toMatch(new RegExp(`Signature=${signature}$`));
        const actual = { ...signed.headers };
        if (omitToken && token) actual['x-amz-security-token'] = token; // the caller adds it after signing
        expect(headerMap(Object.entries(actual))).toEqual(headerMap(expected.headers));
        expect(signed.url).toBe(onTheWire(input.url));
        expect(signed.method).toBe(expected.method);
      });

      it('explains the expected canonical request and string to sign', async () => {
        const info = await signerFor(suiteCase).explain(input);
        let canonical = suiteCase.read('header-canonical-request.txt');
        if (token && !omitToken) {
          expect(info.canonicalRequest).not.toContain(token);
          canonical = canonical.replace(token, '[redacted]');
        }
        expect(info.canonicalRequest).toBe(canonical);
        expect(info.stringToSign).toBe(suiteCase.read('header-string-to-sign.txt'));
        expect(info.signature).toBe(suiteCase.read('header-signature.txt'));
      });

      it('presigns the expected URL', async () => {
        const link = await signerFor(suiteCase).presign({
          method: request.method,
          url: input.url,
          headers: request.headers,
          body: context.sign_body ? request.body : undefined,
          expiresIn: context.expiration_in_seconds,
        });
        const expected = parseRawRequest(suiteCase.read('query-signed-request.txt'));
        let actual = link;
        if (omitToken && token) {
          actual = actual.replace(
            '&X-Amz-Signature=',
            `&X-Amz-Security-Token=${encodeURIComponent(token)}&X-Amz-Signature=`,
          );
        }
        expect(actual).toBe(onTheWire(`https://${host(suiteCase)}${expected.target}`));
        expect(link).toContain(`X-Amz-Signature=${suiteCase.read('query-signature.txt')}`);
      });
    },
  );
});
