import { ALWAYS_UNSIGNABLE_HEADERS, SignatureV4Base } from '@smithy/signature-v4';
import { deriveSigningKey } from '../hash/signing-key.js';
import type { Sha256Constructor } from '../hash/types.js';
import { canonicalQueryString, type EncodedParam } from '../request/canonical-query.js';
import type { AwsCredentialIdentity } from '../types.js';
import type { SigningTarget } from './resolve-target.js';

/** smithy's request shape. @internal */
export interface SmithyRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  /** The URL's query parameters, already in canonical form (see `canonical-query.ts`). */
  wireQuery: readonly EncodedParam[];
  /** Parameters added as strings (presign's hoisted headers and `X-Amz-*`), encoded into `wireQuery` by presign. */
  query?: Record<string, string | string[]>;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * The parts of smithy's SigV4 the signer uses: its canonical request (canonical path rules, headers, layout),
 * its date format and its signing-key derivation.
 * @internal
 */
export interface SmithySigner {
  createCanonicalRequest(request: SmithyRequest, canonicalHeaders: CanonicalHeaders, payloadHash: string): string;
  formatDate(date: Date): { longDate: string; shortDate: string };
  getSigningKey(credentials: AwsCredentialIdentity, shortDate: string): Promise<Uint8Array>;
}

/**
 * smithy's `SignatureV4Base`, which holds the canonicalization (path normalization and escaping per
 * `uriEscapePath`, canonical request layout); only the query line is ours (bytes, not strings). The full `SignatureV4` class is not used:
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

  /**
   * The canonical request in smithy's layout (its `createCanonicalRequest`): the method, smithy's canonical
   * path (its path rules), then the query line computed on bytes (see `canonical-query.ts`) and the header lines.
   */
  canonicalRequest(request: SmithyRequest, canonical: CanonicalHeaders, payloadHash: string): string {
    // smithy's types call getCanonicalPath private; the browser build keeps it and drops createCanonicalRequest.
    const path = (this as unknown as { getCanonicalPath(request: { path: string }): string }).getCanonicalPath(request);
    const query = canonicalQueryString(request.wireQuery);
    return `${request.method}\n${path}\n${query}\n${canonical.lines}\n${canonical.list}\n${payloadHash}`;
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
    createCanonicalRequest: (request, canonicalHeaders, payloadHash) =>
      canonicalizer.canonicalRequest(request, canonicalHeaders, payloadHash),
    formatDate: (date) => canonicalizer.date(date),
    getSigningKey(identity, shortDate) {
      const hit = keys.get(identity);
      if (hit && hit.shortDate === shortDate) return hit.key;
      const key = deriveSigningKey(sha256, identity.secretAccessKey, shortDate, target.region, target.service);
      keys.set(identity, { shortDate, key });
      key.catch(() => keys.delete(identity));
      return key;
    },
  };
}

/** What smithy's value canonicalization below would change: line breaks, tabs, runs of spaces, outer spaces. */
const NOT_CANONICAL_VALUE = /[\r\n\t]| {2}|^ | $/;

/** The header part of a canonical request. @internal */
export interface CanonicalHeaders {
  /** `name:value` lines, sorted by name, each ending in a line break. */
  readonly lines: string;
  /** The signed header names, sorted. */
  readonly names: string[];
  /** The names joined by `;`: the SignedHeaders line and field. */
  readonly list: string;
}

/**
 * smithy's `getCanonicalHeaders` (same rules: smithy's unsignable names and patterns, values with line
 * breaks, runs of spaces and tabs and outer spaces collapsed) for lower-case names, written straight
 * into the lines of the canonical request: no dictionary to copy and sort again, fast at hundreds of headers.
 * @internal
 */
export function getCanonicalHeaders(
  headers: Record<string, string | undefined>,
  notSigned: ReadonlySet<string>,
): CanonicalHeaders {
  const names: string[] = [];
  // One string grown line by line: cheaper than a list of lines joined at the end.
  let lines = '';
  for (const name of Object.keys(headers).sort()) {
    const value = headers[name];
    if (
      value == null ||
      Object.hasOwn(ALWAYS_UNSIGNABLE_HEADERS, name) ||
      notSigned.has(name) ||
      // smithy's PROXY_HEADER_PATTERN and SEC_HEADER_PATTERN
      name.startsWith('proxy-') ||
      name.startsWith('sec-')
    ) {
      continue;
    }
    names.push(name);
    // Most values are canonical already: one test instead of three replacements.
    lines += `${name}:${
      NOT_CANONICAL_VALUE.test(value)
        ? value
            .replace(/[\r\n]/g, ' ')
            .replace(/[ \t]+/g, ' ')
            .replace(/^ | $/g, '')
        : value
    }\n`;
  }
  return { lines, names, list: names.join(';') };
}
