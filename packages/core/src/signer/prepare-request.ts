import { escapeUri } from '@smithy/core/protocols';
import {
  CONTENT_SHA256_HEADER,
  CONTENT_TYPE_HEADER,
  HOST_HEADER,
  STALE_SIGNING_HEADERS,
  UNSIGNED_PAYLOAD,
} from '../constants.js';
import { SigV4Error } from '../errors/sigv4-error.js';
import { normalizeBody, type NormalizedBody } from '../request/normalize-body.js';
import { normalizeHeaders } from '../request/normalize-headers.js';
import { parseUrl, type ParsedUrl } from '../request/parse-url.js';
import type { HeadersLike, SignableBody } from '../types.js';
import type { SmithyRequest } from './smithy-signer.js';
import type { SigningTarget } from './resolve-target.js';

/** A request ready for smithy, plus what the signed result is built from. @internal */
export interface PreparedRequest {
  readonly url: ParsedUrl;
  readonly method: string;
  /** The caller's headers, lower-case, without headers of an earlier signing. */
  readonly headers: Record<string, string>;
  readonly body: NormalizedBody;
  readonly smithy: SmithyRequest;
}

const METHOD = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;

/**
 * Path for `uriEscapePath: false` (S3 rules): each segment decoded and encoded once (RFC 3986),
 * `.`/`..`/`//` kept as they are. smithy signs this path as given.
 * @internal
 */
export function encodePathOnce(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // A stray "%" is sent as is; encode it as a literal.
      }
      return escapeUri(decoded);
    })
    .join('/');
}

/**
 * Turns a {@link SignableRequest} into smithy's request shape.
 * @internal
 */
export async function prepareRequest(
  input: { method?: string | undefined; url: string | URL; headers?: HeadersLike | undefined; body?: SignableBody },
  resolveTarget: (hostname: string) => SigningTarget,
  unsignedPayload: boolean | ((target: SigningTarget) => boolean),
): Promise<{ prepared: PreparedRequest; target: SigningTarget }> {
  if (typeof input !== 'object' || input === null) {
    throw new SigV4Error('INVALID_OPTIONS', 'sign() takes a request object: { method, url, headers?, body? }.');
  }
  const url = parseUrl(input.url);
  const target = resolveTarget(url.hostname);
  const method = (input.method ?? 'GET').toUpperCase();
  if (typeof input.method !== 'undefined' && (typeof input.method !== 'string' || !METHOD.test(input.method))) {
    throw new SigV4Error('INVALID_OPTIONS', `Cannot sign method ${JSON.stringify(String(input.method)).slice(0, 40)}: pass an HTTP method such as "GET" or "POST".`);
  }
  const headers = normalizeHeaders(input.headers);
  // Signing headers are replaced, never re-signed; a payload hash the caller declares is kept.
  for (const name of STALE_SIGNING_HEADERS) if (name !== CONTENT_SHA256_HEADER) delete headers[name];
  const body = await normalizeBody(input.body, typeof unsignedPayload === 'function' ? unsignedPayload(target) : unsignedPayload);
  if (body.contentType !== undefined && headers[CONTENT_TYPE_HEADER] === undefined) {
    headers[CONTENT_TYPE_HEADER] = body.contentType;
  }

  const smithyHeaders: Record<string, string> = { ...headers };
  if (smithyHeaders[HOST_HEADER] === undefined) smithyHeaders[HOST_HEADER] = url.host;
  if (body.unsigned && smithyHeaders[CONTENT_SHA256_HEADER] === undefined) {
    smithyHeaders[CONTENT_SHA256_HEADER] = UNSIGNED_PAYLOAD;
  }
  let path = url.path;
  if (!target.uriEscapePath) path = encodePathOnce(path);
  const smithy: SmithyRequest = {
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    path,
    wireQuery: url.query,
    query: {},
    headers: smithyHeaders,
    body: body.payload,
  };
  if (url.port !== undefined) smithy.port = url.port;
  return { prepared: { url, method, headers, body, smithy }, target };
}
