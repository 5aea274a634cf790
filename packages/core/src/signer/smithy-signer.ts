import { ALWAYS_UNSIGNABLE_HEADERS } from '@smithy/signature-v4';
import { deriveSigningKey } from '../hash/signing-key.js';
import type { Sha256Constructor } from '../hash/types.js';
import { canonicalQueryString, type EncodedParam, sortInPlace } from '../request/canonical-query.js';
import type { AwsCredentialIdentity } from '../types.js';
import { lazy } from '../utils/lazy.js';
import { KIT } from './kit.js';
import type { SigningTarget } from './resolve-target.js';

/** smithy's request shape. @internal */
export interface SmithyRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  /** The canonical path: smithy's path rules applied already (see {@link isCanonicalPath}). */
  path: string;
  /** The URL's query parameters, already in canonical form (see `canonical-query.ts`). */
  wireQuery: readonly EncodedParam[];
  /** Parameters added as strings (presign's hoisted headers and `X-Amz-*`), encoded into `wireQuery` by presign. */
  query?: Record<string, string | string[]>;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * The parts of smithy's SigV4 the signer uses: its canonical request (canonical path rules, headers, layout)
 * and its signing-key derivation.
 * @internal
 */
export interface SmithySigner {
  createCanonicalRequest(request: SmithyRequest, canonicalHeaders: CanonicalHeaders, payloadHash: string): string;
  getSigningKey(credentials: AwsCredentialIdentity, shortDate: string): Promise<Uint8Array>;
}

/** smithy's path rules, loaded by the first path they would change. */
const loadCanonicalPath = /* @__PURE__ */ lazy(() => import('./canonical-path.js'));

/** A path smithy's canonicalization returns unchanged: unreserved characters only, no empty, `.` or `..` segment. */
const CANONICAL_PATH = /^(?:\/(?!\.\.?(?:\/|$))[\w.~-]+)*\/?$/;

/**
 * Whether smithy's canonical path of `path` is `path` itself (most paths): no code to load, nothing to await.
 * @internal
 */
export const isCanonicalPath = (path: string): boolean => CANONICAL_PATH.test(path);

/**
 * smithy's canonical path (`getCanonicalPath`) of a URL's path, for a target that escapes paths: its code
 * loads for the first path that needs it.
 * @internal
 */
export async function toCanonicalPath(path: string): Promise<string> {
  return (await loadCanonicalPath()).canonicalPath(KIT, path);
}

/**
 * smithy's date format (`SignatureV4Base.formatDate`): ISO 8601 basic format, whole seconds, UTC.
 * @internal
 */
export function formatSigningDate(date: Date): { longDate: string; shortDate: string } {
  const longDate = date.toISOString().replace(/[-:]|\.\d{3}/g, '');
  return { longDate, shortDate: longDate.slice(0, 8) };
}

type KeyCache = WeakMap<AwsCredentialIdentity, { shortDate: string; key: Promise<Uint8Array> }>;

/**
 * Makes smithy's SigV4 for one target and keeps its signing key per (credentials, date, region, service):
 * smithy's own key cache HMACs the secret on every call to find the key; this one finds it by identity
 * of the (memoized) credentials object.
 * @internal
 */
export function createSmithySigner(target: SigningTarget, sha256: Sha256Constructor): SmithySigner {
  const keys: KeyCache = new WeakMap();
  return {
    /**
     * The canonical request in smithy's layout (its `createCanonicalRequest`): the method, the canonical path,
     * then the query line computed on bytes (see `canonical-query.ts`) and the header lines.
     */
    createCanonicalRequest(request, canonical, payloadHash) {
      return `${request.method}\n${request.path}\n${canonicalQueryString(request.wireQuery)}\n${canonical.lines}\n${canonical.list}\n${payloadHash}`;
    },
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

/** Header names are unique: no two compare equal. */
const byName = (a: string, b: string): number => (a < b ? -1 : 1);

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
  // Sorted in place: the engine's sort allocates more than the few names of most requests.
  for (const name of sortInPlace(Object.keys(headers), byName)) {
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
