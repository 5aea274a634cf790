import { FORM_CONTENT_TYPE } from '../constants.js';
import { fail } from '../errors/fail.js';
import type { SignableBody } from '../types.js';

/** A body ready for hashing. @internal */
export interface NormalizedBody {
  /** Bytes or UTF-8 string to hash; `undefined` for no body, or a body left unread. */
  readonly payload: string | Uint8Array | undefined;
  /** True when the payload is not hashed (streams, FormData, `unsignedPayload: true`): `UNSIGNED-PAYLOAD`. */
  readonly unsigned: boolean;
  /** What to send (the caller's body; a `URLSearchParams` body becomes its string). */
  readonly send: SignableBody;
  /** Content type implied by the body type, used when the caller set none. */
  readonly contentType: string | undefined;
}

const isBlob = (body: object): body is Blob => typeof Blob !== 'undefined' && body instanceof Blob;

const isStream = (body: object): boolean =>
  (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) ||
  typeof (body as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function' ||
  typeof (body as { pipe?: unknown }).pipe === 'function' ||
  typeof (body as { getReader?: unknown }).getReader === 'function';

const isFormData = (body: object): boolean => typeof FormData !== 'undefined' && body instanceof FormData;

/** A body that is hashed: its payload, what is sent and the content type it implies. */
const hashed = (
  payload: string | Uint8Array | undefined,
  send: SignableBody,
  contentType?: string,
): NormalizedBody => ({
  payload,
  unsigned: false,
  send,
  contentType,
});

/**
 * Reads a body into bytes (or a string) that can be hashed, without copying where possible.
 * @internal
 */
export async function normalizeBody(body: unknown, unsignedPayload: boolean): Promise<NormalizedBody> {
  const form = body instanceof URLSearchParams ? body.toString() : undefined;
  if (unsignedPayload) {
    return {
      payload: undefined,
      unsigned: true,
      send: form ?? (body as SignableBody),
      contentType: form === undefined ? undefined : FORM_CONTENT_TYPE,
    };
  }
  if (form !== undefined) return hashed(form, form, FORM_CONTENT_TYPE);
  if (body === undefined || body === null || typeof body === 'string') return hashed(body ?? undefined, body);
  if (typeof body !== 'object') {
    throw fail('UNSUPPORTED_BODY', 'bodyType', [typeof body]);
  }
  if (ArrayBuffer.isView(body)) {
    return hashed(
      body instanceof Uint8Array ? body : new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
      body,
    );
  }
  if (body instanceof ArrayBuffer || Object.prototype.toString.call(body) === '[object ArrayBuffer]') {
    return hashed(new Uint8Array(body as ArrayBuffer), body as ArrayBuffer);
  }
  if (isBlob(body)) {
    return hashed(new Uint8Array(await body.arrayBuffer()), body, body.type === '' ? undefined : body.type);
  }
  if (isFormData(body)) {
    throw fail('UNSUPPORTED_BODY', 'formData', []);
  }
  if (isStream(body)) {
    throw fail('UNSUPPORTED_BODY', 'streamBody', []);
  }
  throw fail('UNSUPPORTED_BODY', 'bodyType', [Object.prototype.toString.call(body).slice(8, -1)]);
}

/**
 * A body whose hash the caller gave (`x-amz-content-sha256`): sent as it is and never read; only a
 * `URLSearchParams` body becomes its string, and a form or Blob still implies its content type.
 * @internal
 */
export function unreadBody(body: unknown): NormalizedBody {
  if (body instanceof URLSearchParams) {
    const form = body.toString();
    return { payload: undefined, unsigned: false, send: form, contentType: FORM_CONTENT_TYPE };
  }
  const type = typeof body === 'object' && body !== null && isBlob(body) && body.type !== '' ? body.type : undefined;
  return { payload: undefined, unsigned: false, send: body as SignableBody, contentType: type };
}
