import { SignatureV4 } from '@smithy/signature-v4';
import type { Sha256Constructor } from '../hash/types.js';
import type { AwsCredentialIdentity } from '../types.js';
import type { CredentialsResolver } from '../credentials/resolve-credentials.js';
import type { SigningTarget } from './resolve-target.js';

/** smithy's request shape. @internal */
export interface SmithyRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * The parts of a smithy `SignatureV4` the signer reaches: its public `sign`/`presign` and the
 * protected steps `explain` recomputes (same code, same results).
 * @internal
 */
export interface SmithySigner {
  sign(request: SmithyRequest, options: { signingDate: Date }): Promise<SmithyRequest>;
  presign(
    request: SmithyRequest,
    options: { signingDate: Date; expiresIn: number; unsignableHeaders?: Set<string>; unhoistableHeaders?: Set<string> },
  ): Promise<SmithyRequest>;
  createCanonicalRequest(request: SmithyRequest, canonicalHeaders: Record<string, string>, payloadHash: string): string;
  createStringToSign(longDate: string, scope: string, canonicalRequest: string, algorithm: string): Promise<string>;
  formatDate(date: Date): { longDate: string; shortDate: string };
  getSigningKey(credentials: AwsCredentialIdentity, region: string, shortDate: string, service?: string): Promise<Uint8Array>;
}

type KeyCache = WeakMap<AwsCredentialIdentity, { scope: string; key: Promise<Uint8Array> }>;

/**
 * Makes a smithy `SignatureV4` for one target and keeps its signing key per
 * (credentials, date, region, service): smithy's own cache hashes the secret on every call to find the key,
 * this one finds it by identity of the (memoized) credentials object.
 * @internal
 */
export function createSmithySigner(target: SigningTarget, credentials: CredentialsResolver, sha256: Sha256Constructor): SmithySigner {
  const signer = new SignatureV4({
    region: target.region,
    service: target.service,
    credentials,
    sha256,
    uriEscapePath: target.uriEscapePath,
    applyChecksum: target.applyChecksum,
  }) as unknown as SmithySigner;
  const derive = signer.getSigningKey.bind(signer);
  const keys: KeyCache = new WeakMap();
  signer.getSigningKey = (identity, region, shortDate, service) => {
    const scope = `${shortDate}/${region}/${service ?? target.service}`;
    const hit = keys.get(identity);
    if (hit && hit.scope === scope) return hit.key;
    const key = derive(identity, region, shortDate, service);
    keys.set(identity, { scope, key });
    key.catch(() => keys.delete(identity));
    return key;
  };
  return signer;
}
