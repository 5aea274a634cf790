import {
  AUTHORIZATION_HEADER,
  CONTENT_SHA256_HEADER,
  CONTENT_TYPE_HEADER,
  HOST_HEADER,
  STALE_SIGNING_HEADERS,
  UNSIGNED_PAYLOAD,
} from '../constants.js';
import { fail } from '../errors/fail.js';
import { type NormalizedBody, normalizeBody, unreadBody } from '../request/normalize-body.js';
import { type ParsedUrl, parseUrl } from '../request/parse-url.js';
import { lazy } from '../utils/lazy.js';
import type { ReadRequest } from './read-request.js';
import type { SigningTarget } from './resolve-target.js';
import { isCanonicalPath, type SmithyRequest, toCanonicalPath } from './smithy-signer.js';

/** A request ready for smithy, plus what the signed result is built from. @internal */
export interface PreparedRequest {
  readonly url: ParsedUrl;
  readonly method: string;
  /** Whether signing added `host` to the caller's headers (the same dictionary as `smithy.headers`): it is not sent. */
  readonly addedHost: boolean;
  /** Whether signing added `x-amz-content-sha256: UNSIGNED-PAYLOAD`, which is not sent. */
  readonly addedUnsigned: boolean;
  readonly body: NormalizedBody;
  readonly smithy: SmithyRequest;
}

/** S3's path rule, loaded only by signers that sign for the S3 family. */
const loadEncodePathOnce = /* @__PURE__ */ lazy(() => import('./encode-path-once.js'));

const METHOD = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;

/**
 * Turns a request read by `readRequest` (its shape and field types checked) into smithy's request shape.
 * @internal
 */
export async function prepareRequest(
  input: ReadRequest,
  resolveTarget: (hostname: string, path: string) => Promise<SigningTarget>,
  unsignedPayload: boolean | ((target: SigningTarget) => boolean),
): Promise<{ prepared: PreparedRequest; target: SigningTarget }> {
  const url = parseUrl(input.url);
  // The dictionary readRequest made: taken as it is, never the caller's.
  const headers = input.headers;
  const target = await resolveTarget(url.hostname, url.path);
  const method = (input.method ?? 'GET').toUpperCase();
  if (input.method !== undefined && !METHOD.test(input.method)) {
    throw fail('INVALID_OPTIONS', 'methodToken', [input.method]);
  }
  // Signing headers are replaced, never re-signed; a payload hash the caller declares is kept.
  // By index: for-of in this async function makes an iterator result per name.
  for (let i = 0; i < STALE_SIGNING_HEADERS.length; i++) {
    const name = STALE_SIGNING_HEADERS[i] as string;
    if (name !== CONTENT_SHA256_HEADER) delete headers[name];
  }
  const givenHash = headers[CONTENT_SHA256_HEADER];
  // The caller's own payload hash (checked) stands for the body, which is then sent unread (never buffered).
  const body =
    givenHash !== undefined
      ? await unreadBody(input.body, givenHash)
      : await normalizeBody(
          input.body,
          typeof unsignedPayload === 'function' ? unsignedPayload(target) : unsignedPayload,
        );
  if (body.contentType !== undefined && headers[CONTENT_TYPE_HEADER] === undefined) {
    headers[CONTENT_TYPE_HEADER] = body.contentType;
  }

  // One dictionary for the caller's headers and smithy's: what only smithy signs is taken out when the
  // signed headers are read, so that they keep their order (the caller's, then the signing headers).
  const addedHost = headers[HOST_HEADER] === undefined;
  if (addedHost) headers[HOST_HEADER] = url.host;
  const addedUnsigned = body.unsigned && headers[CONTENT_SHA256_HEADER] === undefined;
  if (addedUnsigned) headers[CONTENT_SHA256_HEADER] = UNSIGNED_PAYLOAD;
  let path = url.path;
  // The canonical path: S3's rule, or smithy's (which leaves most paths as they are).
  if (!target.uriEscapePath) path = (await loadEncodePathOnce()).encodePathOnce(path);
  else if (!isCanonicalPath(path)) path = await toCanonicalPath(path);
  const smithy: SmithyRequest = {
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    path,
    wireQuery: url.query,
    headers,
    body: body.payload,
  };
  if (url.port !== undefined) smithy.port = url.port;
  const prepared: PreparedRequest = {
    url,
    method,
    // Flags, not a function that deletes what was added: a closure per request costs allocations.
    addedHost,
    addedUnsigned,
    body,
    smithy,
  };
  return { prepared, target };
}

/**
 * The headers of the signed request: the caller's (the same dictionary as smithy's, read after signing),
 * then the signing headers and `Authorization`, as a plain object.
 * @internal
 */
export function signedHeaders(
  prepared: PreparedRequest,
  added: Record<string, string>,
  authorization: string,
): Record<string, string> {
  const headers = prepared.smithy.headers;
  if (prepared.addedHost) delete headers[HOST_HEADER];
  if (prepared.addedUnsigned && headers[CONTENT_SHA256_HEADER] === UNSIGNED_PAYLOAD)
    delete headers[CONTENT_SHA256_HEADER];
  for (const name in added) headers[name] = added[name] as string;
  headers[AUTHORIZATION_HEADER] = authorization;
  return Object.setPrototypeOf(headers, Object.prototype) as Record<string, string>;
}
