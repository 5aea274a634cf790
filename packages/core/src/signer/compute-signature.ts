import { createScope } from '@smithy/signature-v4';
import { AMZ_DATE_HEADER, CONTENT_SHA256_HEADER, EMPTY_SHA256, SECURITY_TOKEN_HEADER } from '../constants.js';
import { hmacSha256Hex, sha256Hex } from '../platform/node.js';
import type { AwsCredentialIdentity } from '../types.js';
import type { SigningTarget } from './resolve-target.js';
import { formatSigningDate, getCanonicalHeaders, type SmithyRequest, type SmithySigner } from './smithy-signer.js';

/** smithy's generated headers but `authorization` (never signed) and `x-amz-date` (set anew and signed). */
const NOT_SIGNED = new Set(['date']);

/** `AWS4-HMAC-SHA256`. @internal */
export const ALGORITHM = 'AWS4-HMAC-SHA256';

let lastDate: { time: number; longDate: string; shortDate: string } | undefined;

/** SigV4's date format (smithy's), remembered for the current second (many signings share it). @internal */
export function formatDate(date: Date): { longDate: string; shortDate: string } {
  const time = Math.floor(date.getTime() / 1000);
  if (lastDate?.time !== time) lastDate = { time, ...formatSigningDate(date) };
  return lastDate;
}

/** Everything one header signing produced. @internal */
export interface SignatureParts {
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
  readonly signedHeaders: string[];
  readonly credentialScope: string;
  readonly longDate: string;
  /** Headers signing adds: x-amz-date, x-amz-security-token, x-amz-content-sha256. */
  readonly added: Record<string, string>;
  /** The `Authorization` header value. */
  readonly authorization: string;
}

/**
 * Signs a request for the `Authorization` header: the steps of smithy's `SignatureV4.signRequest`, with
 * smithy's own canonical headers, canonical request (path and query rules), string to sign and signing
 * key, without its per-call request clone and provider round trips. `request.headers` must have
 * lower-case names; it is modified.
 * @internal
 */
export async function computeSignature(
  smithy: SmithySigner,
  request: SmithyRequest,
  target: SigningTarget,
  identity: AwsCredentialIdentity,
  date: Date,
): Promise<SignatureParts> {
  const headers = request.headers;

  const { longDate, shortDate } = formatDate(date);
  const added: Record<string, string> = {};
  added[AMZ_DATE_HEADER] = headers[AMZ_DATE_HEADER] = longDate;
  if (identity.sessionToken) added[SECURITY_TOKEN_HEADER] = headers[SECURITY_TOKEN_HEADER] = identity.sessionToken;

  const given = headers[CONTENT_SHA256_HEADER];
  const body = request.body as string | Uint8Array | undefined;
  const payloadHash = given ?? (body === undefined ? EMPTY_SHA256 : await sha256Hex(body));
  if (given !== undefined) added[CONTENT_SHA256_HEADER] = given;
  else if (target.applyChecksum) added[CONTENT_SHA256_HEADER] = headers[CONTENT_SHA256_HEADER] = payloadHash;

  // smithy replaces its generated headers; left in place here (the caller's `Date` is sent), they are just not signed.
  const canonical = getCanonicalHeaders(headers, NOT_SIGNED);
  const canonicalRequest = smithy.createCanonicalRequest(request, canonical, payloadHash);
  const credentialScope = createScope(shortDate, target.region, target.service);
  // smithy's createStringToSign, minus its string-to-bytes copy and JS hex loop.
  const stringToSign = `${ALGORITHM}\n${longDate}\n${credentialScope}\n${await sha256Hex(canonicalRequest)}`;
  const key = await smithy.getSigningKey(identity, shortDate);
  const signature = await hmacSha256Hex(key, stringToSign);
  const signedHeaders = canonical.names;
  return {
    canonicalRequest,
    stringToSign,
    signature,
    signedHeaders,
    credentialScope,
    longDate,
    added,
    authorization: `${ALGORITHM} Credential=${identity.accessKeyId}/${credentialScope}, SignedHeaders=${canonical.list}, Signature=${signature}`,
  };
}
