import { type KnownCredentials, type VerifyResult, verifyRequest } from '@sigv4/gateway';
import { AMZ_DATE, EXAMPLE_CREDENTIALS, FIXED_DATE, REGION, SERVICE } from './fixtures.js';

/**
 * The one signature checker of the tests: `@sigv4/gateway`'s verifier, written from AWS's
 * documentation apart from any signer.
 */

/** A request as it goes on the wire. `host` is taken from the URL when the headers have none, as fetch does. */
export interface WireRequest {
  method: string;
  url: string | URL;
  headers: Iterable<readonly [string, string]> | Record<string, string>;
  body?: Uint8Array | string | undefined;
}

/** Whose signature and when: the fixtures unless given. */
export interface CheckOptions {
  credentials?: KnownCredentials;
  now?: Date;
  region?: string;
  service?: string;
  allowUnsignedPayload?: boolean;
}

function rawRequest(request: WireRequest) {
  const url = new URL(request.url);
  const entries = Symbol.iterator in request.headers ? [...request.headers] : Object.entries(request.headers);
  const rawHeaders: Array<[string, string]> = entries.map(([name, value]) => [name, value]);
  if (!rawHeaders.some(([name]) => name.toLowerCase() === 'host')) rawHeaders.unshift(['host', url.host]);
  const body =
    typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : (request.body ?? new Uint8Array());
  return { method: request.method.toUpperCase(), target: url.pathname + url.search, rawHeaders, body };
}

/** Verifies a signed request as the gateway would. */
export function verifySigned(request: WireRequest, options: CheckOptions = {}): VerifyResult {
  return verifyRequest(rawRequest(request), {
    region: options.region ?? REGION,
    service: options.service ?? SERVICE,
    credentials: options.credentials ?? EXAMPLE_CREDENTIALS,
    now: () => options.now ?? FIXED_DATE,
    allowUnsignedPayload: options.allowUnsignedPayload ?? false,
  });
}

/**
 * The `Authorization` header AWS expects for `request` signed at `FIXED_DATE`: the headers given
 * plus `host`, `x-amz-date` (and `x-amz-security-token` for temporary credentials) are signed.
 * @param request - the unsigned request: its headers are those that must be signed
 */
export function expectedAuthorization(request: WireRequest, options: Omit<CheckOptions, 'now'> = {}): string {
  const credentials: KnownCredentials = options.credentials ?? EXAMPLE_CREDENTIALS;
  const region = options.region ?? REGION;
  const service = options.service ?? SERVICE;
  const raw = rawRequest(request);
  raw.rawHeaders.push(['x-amz-date', AMZ_DATE]);
  if (credentials.sessionToken !== undefined) raw.rawHeaders.push(['x-amz-security-token', credentials.sessionToken]);
  const signedHeaders = [...new Set(raw.rawHeaders.map(([name]) => name.toLowerCase()))].sort().join(';');
  const credential = `${credentials.accessKeyId}/${AMZ_DATE.slice(0, 8)}/${region}/${service}/aws4_request`;
  const head = `AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=${signedHeaders}, Signature=`;
  raw.rawHeaders.push(['authorization', `${head}${'0'.repeat(64)}`]);
  const result = verifyRequest(raw, { region, service, credentials, now: () => FIXED_DATE });
  if (result.ok || result.expectedSignature === undefined) {
    throw new Error(
      `expectedAuthorization: the verifier did not compute a signature (${result.ok ? 'accepted' : result.message})`,
    );
  }
  return `${head}${result.expectedSignature}`;
}
