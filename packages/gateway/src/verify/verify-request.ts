import { timingSafeEqual } from 'node:crypto';
import {
  CONTENT_SHA256_HEADER,
  QUERY_CONTENT_SHA256,
  QUERY_SIGNATURE,
  QUERY_TOKEN,
  UNSIGNED_PAYLOAD,
} from '../constants.js';
import { SigV4Error } from '../errors.js';
import { canonicalHeaders, trimOws } from './canonical-headers.js';
import { canonicalPath, normalizesPath } from './canonical-path.js';
import { canonicalQuery, parseQuery, type QueryParam } from './canonical-query.js';
import { checkScope } from './check-scope.js';
import { checkTime } from './check-time.js';
import { headerValues, parseAuth } from './parse-auth.js';
import { parseRawRequest, type RawHttpRequest, splitTarget } from './raw-request.js';
import { EXPIRED_TOKEN, INVALID_TOKEN, refuse, signatureMismatchMessage } from './refusal.js';
import { buildCanonicalRequest, buildStringToSign, calculateSignature, sha256Hex } from './signature.js';
import type { KnownCredentials, VerifyOptions, VerifyResult } from './types.js';

function toMs(value: Date | number): number {
  return typeof value === 'number' ? value : value.getTime();
}

/**
 * Verifies the SigV4 signature of one request the way AWS does (header or
 * presigned query), from the bytes that arrived. Written from AWS's
 * documentation, independently of any signer. The gateway's HTTP listener
 * uses it for every request; tests can call it on raw request text.
 * @param request - a parsed request, or its raw HTTP/1.1 text (see `parseRawRequest`)
 * @throws `SigV4Error` `INVALID_OPTIONS` when `credentials` is neither one set nor a list of them
 * @example
 * const result = verifyRequest(rawText, { region: 'us-east-1', service: 'service', credentials: [creds], now: () => date });
 * if (!result.ok) console.log(result.errorType, result.message);
 * @public
 */
export function verifyRequest(request: RawHttpRequest | string | Uint8Array, options: VerifyOptions): VerifyResult {
  const known = knownCredentials(options);
  const req = typeof request === 'string' || request instanceof Uint8Array ? parseRawRequest(request) : request;
  const { path: rawPath, query: rawQuery } = splitTarget(req.target);
  const query = parseQuery(rawQuery);
  const auth = parseAuth(req.rawHeaders, query);
  if (!('via' in auth)) return refuse(auth.errorType, auth.message);

  const scope = checkScope(auth, options);
  if ('ok' in scope) return scope;

  const signedHeaders = auth.signedHeaders.split(';');
  if (!signedHeaders.includes('host')) {
    return refuse(
      'IncompleteSignatureException',
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }

  const nowMs = toMs((options.now ?? Date.now)());
  const timing = checkTime(auth, scope.dateMs, nowMs);
  if (timing) return timing;

  const credentials =
    known.find((c) => c.accessKeyId === scope.accessKeyId) ?? options.resolveCredentials?.(scope.accessKeyId);
  if (!credentials) return refuse('UnrecognizedClientException', INVALID_TOKEN);
  if (credentials.sessionToken !== undefined || auth.sessionToken !== undefined) {
    if (auth.sessionToken !== credentials.sessionToken) return refuse('UnrecognizedClientException', INVALID_TOKEN);
    const expiration = credentials.expiration === undefined ? undefined : toMs(credentials.expiration);
    if (expiration !== undefined && nowMs >= expiration) {
      return refuse('ExpiredTokenException', EXPIRED_TOKEN);
    }
  }

  const service = options.service;
  const payload = payloadHash(
    req,
    auth.via === 'query' && service === 's3' ? query : undefined,
    options.allowUnsignedPayload ?? service === 's3',
  );
  const canonicalRequest = buildCanonicalRequest({
    method: req.method,
    path: canonicalPath(rawPath, {
      normalize: options.normalizePath ?? normalizesPath(service),
      encode: options.encodePath ?? service !== 's3',
    }),
    query: canonicalQuery(rawQuery, auth.via === 'query' ? omittedQueryParams(options) : []),
    headers: canonicalHeaders(req.rawHeaders, signedHeaders),
    signedHeaders: auth.signedHeaders,
    payloadHash: payload.hash,
  });
  const stringToSign = buildStringToSign(auth.amzDate, scope.scope, canonicalRequest);
  const expected = calculateSignature(credentials.secretAccessKey, scope, stringToSign);
  if (!sameSignature(expected, auth.signature)) {
    return refuse('InvalidSignatureException', signatureMismatchMessage(canonicalRequest, stringToSign), {
      canonicalRequest,
      stringToSign,
      expectedSignature: expected,
    });
  }
  // a declared content hash (header, or S3 query parameter) must still tell the truth
  if (!payload.truthful) {
    return refuse(
      'InvalidSignatureException',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
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

function isCredentials(value: unknown): value is KnownCredentials {
  const c = value as Partial<KnownCredentials> | null;
  return (
    typeof c === 'object' && c !== null && typeof c.accessKeyId === 'string' && typeof c.secretAccessKey === 'string'
  );
}

/** `credentials` as a list; throws `INVALID_OPTIONS` when it is neither one set nor a list of them. */
function knownCredentials(options: VerifyOptions): readonly KnownCredentials[] {
  const given: unknown = options.credentials;
  if (given === undefined) return [];
  if (isCredentials(given)) return [given];
  if (Array.isArray(given) && given.every(isCredentials)) return given;
  throw new SigV4Error(
    'INVALID_OPTIONS',
    'verifyRequest: `credentials` must be { accessKeyId, secretAccessKey } or an array of them.',
  );
}

/**
 * The payload hash is the hash of the bytes received, with two exceptions.
 * Where `allowUnsignedPayload` (S3) is set, `x-amz-content-sha256:
 * UNSIGNED-PAYLOAD` replaces it. S3 query auth (presigned URLs) signs
 * `UNSIGNED-PAYLOAD`, or the value of an `X-Amz-Content-Sha256` query
 * parameter when the URL has one (name matched case-insensitively, as
 * smithy hoists the header under the name it was given). A client that signed
 * another value fails the signature check, and the canonical string in the
 * answer shows the expected hash. `truthful` is false when a declared hash
 * (header or that parameter) is neither the body's hash nor an allowed
 * `UNSIGNED-PAYLOAD`.
 * @param s3Query - the parsed query when the request is S3 query auth
 */
function payloadHash(
  req: RawHttpRequest,
  s3Query: readonly QueryParam[] | undefined,
  allowUnsignedPayload: boolean,
): { hash: string; truthful: boolean } {
  const bodyHash = sha256Hex(req.body);
  const declared = headerValues(req.rawHeaders, CONTENT_SHA256_HEADER)[0];
  const declaredHeader = declared === undefined ? undefined : trimOws(declared);
  const unsignedAllowed = s3Query !== undefined || allowUnsignedPayload;
  const honest = (declared: string | undefined) =>
    declared === undefined || declared === bodyHash || (unsignedAllowed && declared === UNSIGNED_PAYLOAD);
  if (s3Query !== undefined) {
    const declaredQuery = s3Query.find((p) => p.name.toLowerCase() === QUERY_CONTENT_SHA256.toLowerCase())?.value;
    return { hash: declaredQuery ?? UNSIGNED_PAYLOAD, truthful: honest(declaredQuery) && honest(declaredHeader) };
  }
  const hash = allowUnsignedPayload && declaredHeader === UNSIGNED_PAYLOAD ? UNSIGNED_PAYLOAD : bodyHash;
  return { hash, truthful: honest(declaredHeader) };
}

function sameSignature(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, 'latin1');
  const b = Buffer.from(provided, 'latin1');
  return a.length === b.length && timingSafeEqual(a, b);
}
