import type { SignableRequest, SignedRequest, Signer } from '@sigv4/core';
import { HOST } from '../../../test-support/fixtures.js';
import { expectedAuthorization } from '../../../test-support/verify.js';

export {
  AMZ_DATE,
  EXAMPLE_CREDENTIALS as CREDENTIALS,
  FIXED_DATE,
  HOST,
  ORIGIN,
  REGION,
  SERVICE,
} from '../../../test-support/fixtures.js';

/**
 * The Authorization header for a request as it arrived, as the gateway's independent verifier
 * computes it for the fixed clock.
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
  const url = `https://${wire.headers['host'] ?? HOST}${wire.target}`;
  const credentials = wire.credentials === undefined ? {} : { credentials: wire.credentials };
  return expectedAuthorization({ method: wire.method, url, headers: wire.headers, body: wire.body }, credentials);
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
    return {
      method: String(request.method).toUpperCase(),
      url: String(request.url),
      headers,
      body: request.body,
    } as SignedRequest;
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
