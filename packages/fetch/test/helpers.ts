import { createHash, createHmac } from 'node:crypto';

/** Fixed clock and credentials of the unit tests (AWS's documented example key pair). */
export const FIXED_DATE = new Date('2026-01-02T03:04:05Z');
export const AMZ_DATE = '20260102T030405Z';
export const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
export const REGION = 'eu-central-1';
export const SERVICE = 'execute-api';
export const HOST = 'abc123.execute-api.eu-central-1.amazonaws.com';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/**
 * The Authorization header AWS expects, written out from the SigV4 documentation
 * (independent of @sigv4/core and @smithy/signature-v4), for the fixed clock above.
 * `host` and `x-amz-date` are always signed; `headers` adds the others (lower-case names).
 */
export function expectedAuthorization({
  method = 'GET',
  path = '/dev',
  query = '',
  headers = {},
  payload = '',
}: {
  method?: string;
  path?: string;
  query?: string;
  headers?: Record<string, string>;
  payload?: string | Uint8Array;
} = {}): string {
  const all: Record<string, string> = { ...headers, host: HOST, 'x-amz-date': AMZ_DATE };
  const names = Object.keys(all).sort();
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    method,
    path,
    query,
    ...names.map((name) => `${name}:${all[name]!.trim()}`),
    '',
    signedHeaders,
    sha256(payload),
  ].join('\n');
  const scope = `${AMZ_DATE.slice(0, 8)}/${REGION}/${SERVICE}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', AMZ_DATE, scope, sha256(canonicalRequest)].join('\n');
  let key = hmac(`AWS4${CREDENTIALS.secretAccessKey}`, AMZ_DATE.slice(0, 8));
  for (const part of [REGION, SERVICE, 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${CREDENTIALS.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

/** A fetch double that records the Request it was given and answers 200 `{}`. */
export function recordingFetch() {
  const sent: Request[] = [];
  const thisValues: unknown[] = [];
  const fetch = async function (this: unknown, request: Request): Promise<Response> {
    thisValues.push(this);
    sent.push(request);
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, sent, thisValues };
}

/** A ReadableStream of the given chunks. */
export function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}
