import {
  CONTENT_SHA256_HEADER,
  CONTENT_TYPE_HEADER,
  HOST_HEADER,
  STALE_SIGNING_HEADERS,
  UNSIGNED_PAYLOAD,
} from '../constants.js';
import { fail } from '../errors/fail.js';
import { type NormalizedBody, normalizeBody, unreadBody } from '../request/normalize-body.js';
import { normalizeHeaders } from '../request/normalize-headers.js';
import { type ParsedUrl, parseUrl } from '../request/parse-url.js';
import type { HeadersLike, SignableBody } from '../types.js';
import { lazy } from '../utils/lazy.js';
import type { SigningTarget } from './resolve-target.js';
import type { SmithyRequest } from './smithy-signer.js';

/** A request ready for smithy, plus what the signed result is built from. @internal */
export interface PreparedRequest {
  readonly url: ParsedUrl;
  readonly method: string;
  /** The caller's headers, lower-case, without headers of an earlier signing. */
  readonly headers: Record<string, string>;
  readonly body: NormalizedBody;
  readonly smithy: SmithyRequest;
}

/** S3's path rule, loaded only by signers that sign for the S3 family. */
const loadEncodePathOnce = /* @__PURE__ */ lazy(() => import('./encode-path-once.js'));

const METHOD = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;

/** What `x-amz-content-sha256` may hold: a SHA-256 in lower-case hex, or one of AWS's literals. */
const PAYLOAD_HASH = /^(?:[0-9a-f]{64}|UNSIGNED-PAYLOAD|STREAMING-[A-Z0-9-]+)$/;

function checkPayloadHash(value: string): void {
  if (!PAYLOAD_HASH.test(value)) {
    throw fail('INVALID_OPTIONS', 'payloadHash', [value]);
  }
}

/**
 * Turns a {@link SignableRequest} into smithy's request shape.
 * @internal
 */
export async function prepareRequest(
  input: { method?: string | undefined; url: string | URL; headers?: HeadersLike | undefined; body?: SignableBody },
  resolveTarget: (hostname: string, path: string) => Promise<SigningTarget>,
  unsignedPayload: boolean | ((target: SigningTarget) => boolean),
): Promise<{ prepared: PreparedRequest; target: SigningTarget }> {
  if (typeof input !== 'object' || input === null) {
    throw fail('INVALID_OPTIONS', 'requestType', ['sign', input]);
  }
  const url = parseUrl(input.url);
  const target = await resolveTarget(url.hostname, url.path);
  const method = (input.method ?? 'GET').toUpperCase();
  if (typeof input.method !== 'undefined' && (typeof input.method !== 'string' || !METHOD.test(input.method))) {
    throw fail('INVALID_OPTIONS', 'methodToken', [input.method]);
  }
  const headers = normalizeHeaders(input.headers);
  // Signing headers are replaced, never re-signed; a payload hash the caller declares is kept.
  for (const name of STALE_SIGNING_HEADERS) if (name !== CONTENT_SHA256_HEADER) delete headers[name];
  const givenHash = headers[CONTENT_SHA256_HEADER];
  if (givenHash !== undefined) checkPayloadHash(givenHash);
  // The caller's own payload hash stands for the body, which is then sent unread (never buffered).
  const body =
    givenHash !== undefined
      ? unreadBody(input.body)
      : await normalizeBody(
          input.body,
          typeof unsignedPayload === 'function' ? unsignedPayload(target) : unsignedPayload,
        );
  if (body.contentType !== undefined && headers[CONTENT_TYPE_HEADER] === undefined) {
    headers[CONTENT_TYPE_HEADER] = body.contentType;
  }

  const smithyHeaders: Record<string, string> = { ...headers };
  if (smithyHeaders[HOST_HEADER] === undefined) smithyHeaders[HOST_HEADER] = url.host;
  if (body.unsigned && smithyHeaders[CONTENT_SHA256_HEADER] === undefined) {
    smithyHeaders[CONTENT_SHA256_HEADER] = UNSIGNED_PAYLOAD;
  }
  let path = url.path;
  if (!target.uriEscapePath) path = (await loadEncodePathOnce()).encodePathOnce(path);
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
