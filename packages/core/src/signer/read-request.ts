import { AMZ_DATE_HEADER, AUTHORIZATION_HEADER } from '../constants.js';
import { fail } from '../errors/fail.js';
import { isSigV4Error } from '../errors/sigv4-error.js';
import { loadHeaderReader, normalizeHeaders } from '../request/normalize-headers.js';
import type { HeadersLike, SignableBody } from '../types.js';
import { ALGORITHM } from './compute-signature.js';

/** A request as read from the caller: each field read once, headers lower-case strings in a new dictionary. @internal */
export interface ReadRequest {
  readonly method: string | undefined;
  readonly url: string | URL;
  readonly headers: Record<string, string>;
  readonly body: SignableBody;
}

/**
 * Whether an `Authorization` value is a signature an earlier signing made: `AWS4-HMAC-SHA256 Credential=…`
 * beside its `x-amz-date`, as a retried or redirected request carries it.
 * @internal
 */
export const isStaleSignature = (headers: Record<string, string>): boolean =>
  headers[AUTHORIZATION_HEADER]?.startsWith(`${ALGORITHM} Credential=`) === true &&
  headers[AMZ_DATE_HEADER] !== undefined;

/**
 * Reads the caller's request for `operation` (`sign`, `explain`), so that wrong input is an
 * `INVALID_OPTIONS` error naming the field, not a TypeError from deep inside. A caller's own
 * `Authorization` header is refused: the signature would silently replace it.
 * @internal
 */
export async function readRequest(request: unknown, operation: string): Promise<ReadRequest> {
  if (typeof request !== 'object' || request === null) {
    throw fail('INVALID_OPTIONS', 'requestType', [operation, request]);
  }
  const read = <T>(field: string): T => {
    try {
      return (request as Record<string, unknown>)[field] as T;
    } catch (cause) {
      throw fail('INVALID_OPTIONS', 'fieldGetter', [operation, field], cause);
    }
  };
  const method = read<unknown>('method');
  if (method !== undefined && typeof method !== 'string') {
    throw fail('INVALID_OPTIONS', 'methodType', [operation, method]);
  }
  const url = read<string | URL>('url');
  const raw = read<HeadersLike | undefined>('headers');
  const readHeaders = (normalize: (input: HeadersLike) => Record<string, string> | undefined) => {
    try {
      return normalize(raw as HeadersLike);
    } catch (cause) {
      if (isSigV4Error(cause)) throw cause;
      throw fail('INVALID_OPTIONS', 'headersUnreadable', [operation], cause);
    }
  };
  // Other input than strings is read by a module loaded for it; the load is outside the try: its failure is no input error.
  const headers = readHeaders(normalizeHeaders) ?? (readHeaders(await loadHeaderReader()) as Record<string, string>);
  if (headers[AUTHORIZATION_HEADER] !== undefined && !isStaleSignature(headers)) {
    throw fail('INVALID_OPTIONS', 'ownAuthorization', [operation]);
  }
  return { method, url, headers, body: read<SignableBody>('body') };
}
