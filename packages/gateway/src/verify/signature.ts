import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { ALGORITHM, SCOPE_TERMINATOR } from '../constants.js';

/** Lower-case hex SHA-256 of bytes or of a byte string. @internal */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256')
    .update(typeof data === 'string' ? Buffer.from(data, 'latin1') : data)
    .digest('hex');
}

/** The parts of a canonical request, each already canonical. @internal */
export interface CanonicalParts {
  method: string;
  path: string;
  query: string;
  headers: string;
  signedHeaders: string;
  payloadHash: string;
}

/** Joins the six canonical-request lines (AWS "Create a canonical request"). @internal */
export function buildCanonicalRequest(parts: CanonicalParts): string {
  return [parts.method, parts.path, parts.query, parts.headers, parts.signedHeaders, parts.payloadHash].join('\n');
}

/** The string to sign (AWS "Create a string to sign"). @internal */
export function buildStringToSign(amzDate: string, scope: string, canonicalRequest: string): string {
  return `${ALGORITHM}\n${amzDate}\n${scope}\n${sha256Hex(canonicalRequest)}`;
}

/** Signing keys by secret and scope: they change once a day, deriving one costs four HMACs. */
const signingKeys = new Map<string, KeyObject>();
const MAX_CACHED_KEYS = 64;

function signingKey(secretAccessKey: string, scope: { date: string; region: string; service: string }): KeyObject {
  const cacheKey = `${scope.date}/${scope.region}/${scope.service}/${secretAccessKey}`;
  let key = signingKeys.get(cacheKey);
  if (!key) {
    const hmac = (k: Uint8Array | string, data: string) => createHmac('sha256', k).update(data, 'utf8').digest();
    const kDate = hmac(`AWS4${secretAccessKey}`, scope.date);
    const kRegion = hmac(kDate, scope.region);
    const kService = hmac(kRegion, scope.service);
    key = createSecretKey(hmac(kService, SCOPE_TERMINATOR));
    if (signingKeys.size >= MAX_CACHED_KEYS) signingKeys.delete(signingKeys.keys().next().value ?? '');
    signingKeys.set(cacheKey, key);
  }
  return key;
}

/** Derives the signing key and signs (AWS "Calculate the signature"). @internal */
export function calculateSignature(
  secretAccessKey: string,
  scope: { date: string; region: string; service: string },
  stringToSign: string,
): string {
  return createHmac('sha256', signingKey(secretAccessKey, scope))
    .update(Buffer.from(stringToSign, 'latin1'))
    .digest('hex');
}
