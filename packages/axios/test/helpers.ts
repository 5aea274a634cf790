import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SignableRequest, Signer, SignedRequest } from '@sigv4/core';

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
export const ORIGIN = `https://${HOST}`;

/**
 * The Authorization header for a request as it arrived, computed by an independent
 * implementation (@smithy/signature-v4, the AWS SDK's signer) with the fixed clock above.
 * @param wire - what the server received: method, request target, the headers expected to be
 *   signed (lower-case, without x-amz-date) and the body bytes
 */
export async function oracleAuthorization(wire: {
  method: string;
  target: string;
  headers: Record<string, string>;
  body: string | Uint8Array;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}): Promise<string> {
  const signer = new SignatureV4({
    credentials: wire.credentials ?? CREDENTIALS,
    region: REGION,
    service: SERVICE,
    sha256: Sha256,
    applyChecksum: false,
  });
  const q = wire.target.indexOf('?');
  const path = q === -1 ? wire.target : wire.target.slice(0, q);
  const query: Record<string, string | string[]> = {};
  if (q !== -1) {
    for (const [name, value] of new URLSearchParams(wire.target.slice(q + 1))) {
      const existing = query[name];
      query[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    }
  }
  const signed = await signer.sign(
    { method: wire.method, protocol: 'https:', hostname: wire.headers['host'] ?? HOST, path, query, headers: wire.headers, body: wire.body },
    { signingDate: FIXED_DATE },
  );
  return signed.headers['authorization'] as string;
}

/**
 * A signer double that records what it was asked to sign and adds fixed signing headers,
 * to check which URL, headers and body the interceptor hands to the signer.
 */
export function recordingSigner(fail?: Error): Signer & { calls: SignableRequest[] } {
  const calls: SignableRequest[] = [];
  let n = 0;
  const sign = async (request: SignableRequest): Promise<SignedRequest> => {
    calls.push(request);
    if (fail) throw fail;
    n += 1;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries((request.headers ?? {}) as Record<string, string | string[]>)) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
    }
    headers['x-amz-date'] = `2026010${n}T000000Z`;
    headers['authorization'] = `AWS4-HMAC-SHA256 attempt=${n}`;
    return { method: String(request.method).toUpperCase(), url: String(request.url), headers, body: request.body } as SignedRequest;
  };
  const unused = async (): Promise<never> => {
    throw new Error('not used by the interceptor');
  };
  return { calls, sign, presign: unused, explain: unused } as unknown as Signer & { calls: SignableRequest[] };
}

/** Bytes of a body the signer was given, for comparing with what went on the wire. */
export function bodyBytes(body: unknown): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new Error(`not a byte body: ${Object.prototype.toString.call(body)}`);
}
