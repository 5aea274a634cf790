import { timingSafeEqual } from 'node:crypto';
import { EXPIRED_TOKEN, INVALID_TOKEN, refuse, signatureMismatchMessage } from './auth-failure.js';
import { canonicalHeaders } from './canonical-headers.js';
import { canonicalPath } from './canonical-path.js';
import { canonicalQuery, parseQuery } from './canonical-query.js';
import { checkScope } from './check-scope.js';
import { checkTime } from './check-time.js';
import { CONTENT_SHA256_HEADER, QUERY_SIGNATURE, QUERY_TOKEN, UNSIGNED_PAYLOAD } from './constants.js';
import { headerValues, parseAuth } from './parse-auth.js';
import { parseRawRequest, splitTarget, type RawHttpRequest } from './raw-request.js';
import { buildCanonicalRequest, buildStringToSign, calculateSignature, sha256Hex } from './signature.js';
import type { KnownCredentials, VerifyOptions, VerifyResult } from './verify-types.js';

function toMs(value: Date | number): number {
  return typeof value === 'number' ? value : value.getTime();
}

/**
 * Verifies the SigV4 signature of one request the way AWS does (header or
 * presigned query), from the bytes that arrived. Written from AWS's
 * documentation, independently of any signer. The gateway's HTTP listener
 * uses it for every request; tests can call it on raw request text.
 * @param request - a parsed request, or its raw HTTP/1.1 text (see `parseRawRequest`)
 * @example
 * const result = verifyRequest(rawText, { region: 'us-east-1', service: 'service', credentials: [creds], now: () => date });
 * if (!result.ok) console.log(result.errorType, result.message);
 * @public
 */
export function verifyRequest(request: RawHttpRequest | string | Uint8Array, options: VerifyOptions): VerifyResult {
  const req = typeof request === 'string' || request instanceof Uint8Array ? parseRawRequest(request) : request;
  const { path: rawPath, query: rawQuery } = splitTarget(req.target);
  const auth = parseAuth(req.rawHeaders, parseQuery(rawQuery));
  if (!('via' in auth)) return refuse(auth.errorType, auth.message);

  const scope = checkScope(auth, options);
  if ('ok' in scope) return scope;

  const signedHeaders = auth.signedHeaders.split(';');
  if (!signedHeaders.includes('host')) {
    return refuse('IncompleteSignatureException', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }

  const nowMs = toMs((options.now ?? Date.now)());
  const timing = checkTime(auth, scope.dateMs, nowMs);
  if (timing) return timing;

  const credentials = findCredentials(scope.accessKeyId, options);
  if (!credentials) return refuse('UnrecognizedClientException', INVALID_TOKEN);
  if (credentials.sessionToken !== undefined || auth.sessionToken !== undefined) {
    if (auth.sessionToken !== credentials.sessionToken) return refuse('UnrecognizedClientException', INVALID_TOKEN);
    const expiration = credentials.expiration === undefined ? undefined : toMs(credentials.expiration);
    if (expiration !== undefined && nowMs >= expiration) {
      return refuse('ExpiredTokenException', EXPIRED_TOKEN);
    }
  }

  const service = options.service;
  const payload = payloadHash(req, options.allowUnsignedPayload ?? service === 's3');
  const canonicalRequest = buildCanonicalRequest({
    method: req.method,
    path: canonicalPath(rawPath, {
      normalize: options.normalizePath ?? service !== 's3',
      encode: options.encodePath ?? service !== 's3',
    }),
    query: canonicalQuery(rawQuery, auth.via === 'query' ? omittedQueryParams(options) : []),
    headers: canonicalHeaders(req.rawHeaders, signedHeaders),
    signedHeaders: auth.signedHeaders,
    payloadHash: payload,
  });
  const stringToSign = buildStringToSign(auth.amzDate, scope.scope, canonicalRequest);
  const expected = calculateSignature(credentials.secretAccessKey, scope, stringToSign);
  if (!sameSignature(expected, auth.signature)) {
    return refuse('InvalidSignatureException', signatureMismatchMessage(canonicalRequest, stringToSign), {
      canonicalRequest,
      stringToSign,
    });
  }
  // an unsigned x-amz-content-sha256 must still tell the truth
  const declared = headerValues(req.rawHeaders, CONTENT_SHA256_HEADER)[0]?.trim();
  if (declared !== undefined && declared !== payload) {
    return refuse('InvalidSignatureException', "The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  return {
    ok: true,
    via: auth.via,
    credentials,
    signedHeaders,
    signingDate: auth.amzDate,
    canonicalRequest,
    stringToSign,
  };
}

function omittedQueryParams(options: VerifyOptions): string[] {
  return options.unsignedSessionToken ? [QUERY_SIGNATURE, QUERY_TOKEN] : [QUERY_SIGNATURE];
}

function findCredentials(accessKeyId: string, options: VerifyOptions): KnownCredentials | undefined {
  return options.credentials?.find((c) => c.accessKeyId === accessKeyId) ?? options.resolveCredentials?.(accessKeyId);
}

/**
 * The payload hash is always the hash of the bytes received. Only where
 * `allowUnsignedPayload` (S3) is set does `x-amz-content-sha256:
 * UNSIGNED-PAYLOAD` replace it. A client that signed another value fails the
 * signature check, and the canonical string in the answer shows the real hash.
 */
function payloadHash(req: RawHttpRequest, allowUnsignedPayload: boolean): string {
  const declared = headerValues(req.rawHeaders, CONTENT_SHA256_HEADER)[0]?.trim();
  if (allowUnsignedPayload && declared === UNSIGNED_PAYLOAD) return UNSIGNED_PAYLOAD;
  return sha256Hex(req.body);
}

function sameSignature(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, 'latin1');
  const b = Buffer.from(provided, 'latin1');
  return a.length === b.length && timingSafeEqual(a, b);
}

