/**
 * Random SigV4 requests signed by botocore's SigV4Auth (Debian's python3-botocore): an
 * independent signer that core's signer and the gateway's verifier are both checked against.
 * Test support only; never imported by runtime code.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { EXAMPLE_CREDENTIALS } from '../fixtures.js';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./botocore_sign.py', import.meta.url));

/** True where `/usr/bin/python3` can import botocore (`apt-get install -y python3-botocore`). */
export const hasBotocore = spawnSync(PYTHON, ['-c', 'import botocore'], { stdio: 'ignore' }).status === 0;

export const CROSS_CHECK_CREDENTIALS = EXAMPLE_CREDENTIALS;
export const CROSS_CHECK_AMZ_DATE = '20240229T235959Z';
export const CROSS_CHECK_TIME = Date.UTC(2024, 1, 29, 23, 59, 59);

const tricky = fc.constantFrom(
  ...' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  'é',
  'ß',
  'ሴ',
  '😀',
  '中',
  'a',
  'Z',
  '0',
  '-',
  '_',
  '.',
  '~',
);
const text = (minLength: number) =>
  fc.string({
    unit: fc.oneof(tricky, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
    minLength,
    maxLength: 12,
  });

/** RFC 3986 encoding of one path segment, sometimes leaving sub-delims raw as browsers do. */
const segment = fc
  .tuple(text(1), fc.boolean())
  .map(([s, keepSubDelims]) => {
    const encoded = encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    return keepSubDelims
      ? encoded.replace(/%(24|2C|3B|3D|40|3A)/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      : encoded;
  })
  .filter((s) => s !== '.' && s !== '..');

const encodeSubDelims = (segment: string) =>
  segment.replace(/[$,;=@:]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const headerName = fc.stringMatching(/^x-[a-zA-Z0-9-]{1,12}$/);
const headerValue = fc.stringMatching(/^[ -~\t]{0,24}$/).filter((v) => v.trim().length > 0);

const requestCase = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
  host: fc.constantFrom('abc123.execute-api.eu-central-1.amazonaws.com', '127.0.0.1:8443', 'example.com'),
  segments: fc.array(segment, { maxLength: 4 }),
  trailingSlash: fc.boolean(),
  params: fc.array(fc.tuple(text(1), text(0)), { maxLength: 5 }),
  headers: fc.dictionary(headerName, headerValue, { maxKeys: 4 }),
  body: fc.option(fc.uint8Array({ maxLength: 64 }), { nil: undefined }),
  sessionToken: fc.option(fc.stringMatching(/^[A-Za-z0-9+/=]{8,40}$/), { nil: undefined }),
  region: fc.constantFrom('us-east-1', 'eu-central-1', 'cn-north-1'),
  service: fc.constantFrom('execute-api', 'lambda', 'es', 'appsync'),
});

/** Which botocore signer: Authorization header, presigned URL, or S3's rules. */
export type BotocoreMode = 'header' | 'presign' | 's3';

/** One random request and what botocore made of it. */
export interface BotocoreCase {
  mode: BotocoreMode;
  method: string;
  host: string;
  /** URL botocore would send (path as generated, query percent-encoded by botocore). */
  url: string;
  /** Headers given to both signers (names unique case-insensitively). */
  headers: Record<string, string>;
  body: Uint8Array | undefined;
  sessionToken: string | undefined;
  region: string;
  service: string;
  /** Presign expiry in seconds (mode `presign`). */
  expiresIn: number;
  /** Headers botocore added: `authorization`, `x-amz-date`, maybe `x-amz-security-token`. */
  botocoreHeaders: Record<string, string>;
}

const EXPIRIES = [1, 60, 900, 3600, 604800];

/** Presigned URLs carry each query name once (botocore keeps the last of a repeated name). */
const uniqueNames = (params: Array<[string, string]>) => [...new Map(params).entries()];

/**
 * Generates `count` random requests (fixed seed) and signs them all with botocore in one run.
 * `presign`: GET without body, expiry 1..604800 s; `s3`: service `s3` over http (botocore then
 * always hashes the payload).
 */
export function botocoreCases(count: number, seed = 20241125, mode: BotocoreMode = 'header'): BotocoreCase[] {
  const cases = fc.sample(requestCase, { seed, numRuns: count }).map((raw) => {
    const c =
      mode === 'presign'
        ? { ...raw, method: 'GET', body: undefined, params: uniqueNames(raw.params) }
        : // S3 decodes the key and encodes it once; botocore signs its (always fully encoded) path
          // as is, so S3 cases leave no sub-delim raw for the two to be comparable.
          mode === 's3'
          ? { ...raw, service: 's3', segments: raw.segments.map(encodeSubDelims) }
          : raw;
    const headers = Object.fromEntries([
      ...new Map(Object.entries(c.headers).map(([k, v]) => [k.toLowerCase(), [k, v] as const])).values(),
    ]);
    const path = `/${c.segments.join('/')}${c.trailingSlash && c.segments.length ? '/' : ''}`;
    return { ...c, headers, url: `${mode === 's3' ? 'http' : 'https'}://${c.host}${path}` };
  });
  const input = cases.map((c, i) => ({
    mode,
    expires: EXPIRIES[i % EXPIRIES.length],
    amzDate: CROSS_CHECK_AMZ_DATE,
    ...CROSS_CHECK_CREDENTIALS,
    sessionToken: c.sessionToken,
    method: c.method,
    url: c.url,
    params: c.params,
    headers: c.headers,
    body: c.body === undefined ? undefined : Buffer.from(c.body).toString('base64'),
    region: c.region,
    service: c.service,
  }));
  const run = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`botocore_sign.py failed: ${run.stderr}`);
  const signed = JSON.parse(run.stdout) as Array<{ url: string; headers: Record<string, string> }>;
  return cases.map((c, i) => ({
    mode,
    expiresIn: EXPIRIES[i % EXPIRIES.length]!,
    method: c.method,
    host: c.host,
    url: signed[i]!.url,
    headers: c.headers,
    body: c.body,
    sessionToken: c.sessionToken,
    region: c.region,
    service: c.service,
    botocoreHeaders: Object.fromEntries(
      Object.entries(signed[i]!.headers).filter(([name]) => name === 'authorization' || name.startsWith('x-amz-')),
    ),
  }));
}
