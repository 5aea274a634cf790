import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

/** Credentials as the signers take them. */
export interface TestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A request ready to send with fetch. */
export interface SignedFetchInput {
  url: string;
  init: { method: string; headers: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> };
}

/**
 * Signs a request with @smithy/signature-v4 (the AWS SDK's signer), an
 * implementation independent of the gateway's verifier.
 */
export async function smithySign(options: {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  credentials: TestCredentials;
  region: string;
  service: string;
  signingDate?: Date;
}): Promise<SignedFetchInput> {
  const url = new URL(options.url);
  const signer = new SignatureV4({
    credentials: options.credentials,
    region: options.region,
    service: options.service,
    sha256: Sha256,
  });
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const signed = await signer.sign(
    {
      method: options.method ?? 'GET',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query,
      headers: { host: url.host, ...options.headers },
      body: options.body,
    },
    options.signingDate ? { signingDate: options.signingDate } : {},
  );
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers)) if (k !== 'host') headers[k] = v;
  return {
    url: options.url,
    init: { method: options.method ?? 'GET', headers, ...(options.body === undefined ? {} : { body: options.body }) },
  };
}

/** Presigns a URL with @smithy/signature-v4 (query auth). */
export async function smithyPresign(options: {
  url: string;
  method?: string;
  credentials: TestCredentials;
  region: string;
  service: string;
  expiresIn?: number;
  signingDate?: Date;
}): Promise<string> {
  const url = new URL(options.url);
  const signer = new SignatureV4({
    credentials: options.credentials,
    region: options.region,
    service: options.service,
    sha256: Sha256,
  });
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  const signed = await signer.presign(
    {
      method: options.method ?? 'GET',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query,
      headers: { host: url.host },
    },
    { expiresIn: options.expiresIn ?? 900, ...(options.signingDate ? { signingDate: options.signingDate } : {}) },
  );
  const search = Object.entries(signed.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${url.origin}${url.pathname}?${search}`;
}
