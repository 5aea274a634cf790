import { getSigningKey, SignatureV4Base } from '@smithy/signature-v4';
import type { Sha256Constructor } from '../hash/types.js';
import type { AwsCredentialIdentity } from '../types.js';
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
 * The parts of smithy's SigV4 the signer uses: its canonical request (canonical path and query rules),
 * its date format and its signing-key derivation.
 * @internal
 */
export interface SmithySigner {
  createCanonicalRequest(request: SmithyRequest, canonicalHeaders: Record<string, string>, payloadHash: string): string;
  formatDate(date: Date): { longDate: string; shortDate: string };
  getSigningKey(credentials: AwsCredentialIdentity, shortDate: string): Promise<Uint8Array>;
}

/**
 * smithy's `SignatureV4Base`, which holds the canonicalization (path normalization and escaping per
 * `uriEscapePath`, canonical query, canonical request layout). The full `SignatureV4` class is not used:
 * it adds event-stream signing the signer never needs, and its weight in browser bundles.
 */
class Canonicalizer extends SignatureV4Base {
  constructor(target: SigningTarget, sha256: Sha256Constructor) {
    super({
      region: target.region,
      service: target.service,
      credentials: { accessKeyId: '', secretAccessKey: '' },
      sha256,
      uriEscapePath: target.uriEscapePath,
      applyChecksum: target.applyChecksum,
    });
  }

  canonicalRequest(request: SmithyRequest, canonicalHeaders: Record<string, string>, payloadHash: string): string {
    return this.createCanonicalRequest(request as never, canonicalHeaders, payloadHash);
  }

  date(date: Date): { longDate: string; shortDate: string } {
    return this.formatDate(date);
  }
}

type KeyCache = WeakMap<AwsCredentialIdentity, { shortDate: string; key: Promise<Uint8Array> }>;

/**
 * Makes smithy's SigV4 for one target and keeps its signing key per (credentials, date, region, service):
 * smithy's own key cache HMACs the secret on every call to find the key; this one finds it by identity
 * of the (memoized) credentials object.
 * @internal
 */
export function createSmithySigner(target: SigningTarget, sha256: Sha256Constructor): SmithySigner {
  const canonicalizer = new Canonicalizer(target, sha256);
  const keys: KeyCache = new WeakMap();
  return {
    createCanonicalRequest: (request, canonicalHeaders, payloadHash) => canonicalizer.canonicalRequest(request, canonicalHeaders, payloadHash),
    formatDate: (date) => canonicalizer.date(date),
    getSigningKey(identity, shortDate) {
      const hit = keys.get(identity);
      if (hit && hit.shortDate === shortDate) return hit.key;
      const key = getSigningKey(sha256, identity as never, shortDate, target.region, target.service);
      keys.set(identity, { shortDate, key });
      key.catch(() => keys.delete(identity));
      return key;
    },
  };
}
