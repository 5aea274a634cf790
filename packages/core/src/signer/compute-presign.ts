import type { AwsCredentialIdentity } from '../types.js';
import type { Kit } from './kit.js';
import type { SigningTarget } from './resolve-target.js';
import type { SmithyRequest, SmithySigner } from './smithy-signer.js';

/**
 * smithy's `GENERATED_HEADERS`, written out: imported from smithy, its constants would be shared with the code
 * loaded up front, and bundlers would load them in one more chunk. @internal
 */
export const GENERATED_HEADERS: readonly string[] = ['authorization', 'x-amz-date', 'date'];

/** @internal */
export interface PresignOptions {
  readonly expiresIn: number;
  /** Headers neither signed nor moved to the query (s3's `x-amz-content-sha256: UNSIGNED-PAYLOAD`). */
  readonly keepOut: ReadonlySet<string>;
}

/**
 * smithy's `prepareRequest` + `moveHeadersToQuery`, same rules (drop its `GENERATED_HEADERS`; move every
 * `x-amz-*` header not kept out to the query), on a plain copy: their `HttpRequest.clone` would put
 * smithy's whole request class (~0.9 KB minified) into browser bundles for one copy.
 */
function hoistHeaders(
  request: SmithyRequest,
  keepOut: ReadonlySet<string>,
): SmithyRequest & { query: Record<string, string | string[]> } {
  const headers: Record<string, string> = {};
  const query = { ...request.query };
  for (const [name, value] of Object.entries(request.headers)) {
    const lname = name.toLowerCase();
    if (GENERATED_HEADERS.includes(lname)) continue;
    if (lname.startsWith('x-amz-') && !keepOut.has(lname)) query[name] = value;
    else headers[name] = value;
  }
  return { ...request, headers, query };
}

/**
 * Presigns a request: the steps of smithy's `SignatureV4.presign` (its request preparation, header
 * hoisting, canonical headers and canonical request), returning the query with the `X-Amz-*` parameters.
 * Part of presign's lazy chunk: takes what it needs from core as `kit` (see kit.ts).
 * @internal
 */
export async function computePresignedQuery(
  kit: Kit,
  smithy: SmithySigner,
  original: SmithyRequest,
  target: SigningTarget,
  identity: AwsCredentialIdentity,
  date: Date,
  options: PresignOptions,
): Promise<Record<string, string | string[]>> {
  const { ALGORITHM, CONTENT_SHA256_HEADER, EMPTY_SHA256, sha256Hex } = kit;
  const { longDate, shortDate } = kit.formatDate(date);
  const scope = kit.createScope(shortDate, target.region, target.service);
  const keepOut = new Set(options.keepOut);
  const request = hoistHeaders(original, keepOut);
  const query = request.query;
  if (identity.sessionToken) query['X-Amz-Security-Token'] = identity.sessionToken;
  query['X-Amz-Algorithm'] = ALGORITHM;
  query['X-Amz-Credential'] = `${identity.accessKeyId}/${scope}`;
  query['X-Amz-Date'] = longDate;
  query['X-Amz-Expires'] = String(options.expiresIn);
  const canonical = kit.getCanonicalHeaders(request.headers, keepOut);
  query['X-Amz-SignedHeaders'] = canonical.names.join(';');
  const body = original.body as string | Uint8Array | undefined;
  const payloadHash =
    original.headers[CONTENT_SHA256_HEADER] ?? (body === undefined ? EMPTY_SHA256 : await sha256Hex(body));
  // The added parameters are strings: encoded as UTF-8 beside the URL's, which are canonical already.
  const wireQuery = [...request.wireQuery];
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value])
      wireQuery.push([kit.escapeUri(name), kit.escapeUri(item)]);
  }
  const canonicalRequest = smithy.createCanonicalRequest({ ...request, wireQuery }, canonical, payloadHash);
  const stringToSign = `${ALGORITHM}\n${longDate}\n${scope}\n${await sha256Hex(canonicalRequest)}`;
  query['X-Amz-Signature'] = await kit.hmacSha256Hex(await smithy.getSigningKey(identity, shortDate), stringToSign);
  return query;
}
