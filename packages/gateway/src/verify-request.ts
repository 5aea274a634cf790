import { timingSafeEqual } from 'node:crypto';
import { canonicalHeaders } from './canonical-headers.js';
import { canonicalPath } from './canonical-path.js';
import { canonicalQuery, parseQuery } from './canonical-query.js';
import {
  CONTENT_SHA256_HEADER, MAX_CLOCK_SKEW_MS, MAX_PRESIGN_EXPIRES_S, QUERY_SIGNATURE, QUERY_TOKEN, SCOPE_TERMINATOR, UNSIGNED_PAYLOAD,
} from './constants.js';
import { formatAmzDate, headerValues, parseAmzDate, parseAuth, type AuthFields } from './parse-auth.js';
import { parseRawRequest, splitTarget, type RawHttpRequest } from './raw-request.js';
import { buildCanonicalRequest, buildStringToSign, calculateSignature, sha256Hex } from './signature.js';
import { bytesToText } from './uri-encode.js';
import type { AuthErrorType, KnownCredentials, VerifyFailure, VerifyOptions, VerifyResult } from './verify-types.js';

const INVALID_TOKEN = 'The security token included in the request is invalid.';
const EXPIRED_TOKEN = 'The security token included in the request is expired';

function refuse(errorType: AuthErrorType, message: string, extra?: Partial<VerifyFailure>): VerifyFailure {
  return { ok: false, status: 403, errorType, message, ...extra };
}

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

  const timing = checkTime(auth, scope.dateMs, toMs((options.now ?? Date.now)()));
  if (timing) return timing;

  const credentials = findCredentials(scope.accessKeyId, options);
  if (!credentials) return refuse('UnrecognizedClientException', INVALID_TOKEN);
  if (credentials.sessionToken !== undefined || auth.sessionToken !== undefined) {
    if (auth.sessionToken !== credentials.sessionToken) return refuse('UnrecognizedClientException', INVALID_TOKEN);
    const expiration = credentials.expiration === undefined ? undefined : toMs(credentials.expiration);
    if (expiration !== undefined && toMs((options.now ?? Date.now)()) >= expiration) {
      return refuse('ExpiredTokenException', EXPIRED_TOKEN);
    }
  }

  const service = options.service;
  const canonicalRequest = buildCanonicalRequest({
    method: req.method,
    path: canonicalPath(rawPath, {
      normalize: options.normalizePath ?? service !== 's3',
      encode: options.encodePath ?? service !== 's3',
    }),
    query: canonicalQuery(rawQuery, auth.via === 'query' ? omittedQueryParams(options) : []),
    headers: canonicalHeaders(req.rawHeaders, signedHeaders),
    signedHeaders: auth.signedHeaders,
    payloadHash: payloadHash(req, options.allowUnsignedPayload ?? service === 's3'),
  });
  const stringToSign = buildStringToSign(auth.amzDate, scope.scope, canonicalRequest);
  const expected = calculateSignature(credentials.secretAccessKey, scope, stringToSign);
  if (!sameSignature(expected, auth.signature)) {
    return refuse('InvalidSignatureException', signatureMismatchMessage(canonicalRequest, stringToSign), {
      canonicalRequest,
      stringToSign,
    });
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

interface Scope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  scope: string;
  dateMs: number;
}

function checkScope(auth: AuthFields, options: VerifyOptions): Scope | VerifyFailure {
  const parts = auth.credential.split('/');
  if (parts.length !== 5) {
    return refuse(
      'IncompleteSignatureException',
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${bytesToText(auth.credential)}'`,
    );
  }
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string];
  const dateMs = parseAmzDate(auth.amzDate);
  if (Number.isNaN(dateMs)) {
    return refuse(
      'IncompleteSignatureException',
      `Date must be in ISO-8601 'basic format'. Got '${bytesToText(auth.amzDate)}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  }
  if (terminator !== SCOPE_TERMINATOR) {
    return refuse('InvalidSignatureException', `Credential should be scoped with a valid terminator: '${SCOPE_TERMINATOR}', not '${bytesToText(terminator)}'. `);
  }
  if (date !== auth.amzDate.slice(0, 8)) {
    return refuse(
      'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${bytesToText(date)}' != '${auth.amzDate.slice(0, 8)}', from '${auth.amzDate}'.`,
    );
  }
  if (region !== options.region) {
    return refuse('InvalidSignatureException', `Credential should be scoped to a valid region, not '${bytesToText(region)}'. `);
  }
  if (service !== options.service) {
    return refuse('InvalidSignatureException', `Credential should be scoped to correct service: '${options.service}'. `);
  }
  return { accessKeyId, date, region, service, scope: parts.slice(1).join('/'), dateMs };
}

/**
 * AWS's window: a header-signed request is good 5 minutes either side of its
 * date; a presigned one from 5 minutes before its date until `X-Amz-Expires`
 * seconds after it.
 */
function checkTime(auth: AuthFields, dateMs: number, nowMs: number): VerifyFailure | undefined {
  const date = auth.amzDate;
  if (dateMs > nowMs + MAX_CLOCK_SKEW_MS) {
    return refuse(
      'InvalidSignatureException',
      `Signature not yet current: ${date} is still later than ${formatAmzDate(nowMs + MAX_CLOCK_SKEW_MS)} (${formatAmzDate(nowMs)} + 5 min.)`,
    );
  }
  if (auth.via === 'query' && auth.expires !== undefined) {
    const expires = /^\d{1,7}$/.test(auth.expires) ? Number(auth.expires) : Number.NaN;
    if (!(expires >= 1 && expires <= MAX_PRESIGN_EXPIRES_S)) {
      return refuse(
        'IncompleteSignatureException',
        `X-Amz-Expires must be an integer number of seconds between 1 and ${MAX_PRESIGN_EXPIRES_S}, got '${bytesToText(auth.expires)}'.`,
      );
    }
    if (nowMs > dateMs + expires * 1000) {
      return refuse(
        'InvalidSignatureException',
        `Signature expired: ${date} is now earlier than ${formatAmzDate(nowMs - expires * 1000)} (${formatAmzDate(nowMs)} - ${expires} sec.)`,
      );
    }
    return undefined;
  }
  if (dateMs < nowMs - MAX_CLOCK_SKEW_MS) {
    return refuse(
      'InvalidSignatureException',
      `Signature expired: ${date} is now earlier than ${formatAmzDate(nowMs - MAX_CLOCK_SKEW_MS)} (${formatAmzDate(nowMs)} - 5 min.)`,
    );
  }
  return undefined;
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

/** The exact wording of AWS's signature-mismatch answer (JSON protocols, e.g. API Gateway). @internal */
export function signatureMismatchMessage(canonicalRequest: string, stringToSign: string): string {
  return (
    'The request signature we calculated does not match the signature you provided. ' +
    'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n' +
    `The Canonical String for this request should have been\n'${bytesToText(canonicalRequest)}'\n\n` +
    `The String-to-Sign should have been\n'${stringToSign}'\n`
  );
}
