import { FORM_CONTENT_TYPE } from '../constants.js';
import { SigV4Error } from '../errors/sigv4-error.js';
import type { SignableBody } from '../types.js';

/** A body ready for hashing. @internal */
export interface NormalizedBody {
  /** Bytes or UTF-8 string to hash; `undefined` for no body. */
  readonly payload: string | Uint8Array | undefined;
  /** True when the payload is not hashed (streams, FormData, `unsignedPayload: true`): `UNSIGNED-PAYLOAD`. */
  readonly unsigned: boolean;
  /** What to send (the caller's body; a `URLSearchParams` body becomes its string). */
  readonly send: SignableBody;
  /** Content type implied by the body type, used when the caller set none. */
  readonly contentType: string | undefined;
}

const isBlob = (body: object): body is Blob =>
  typeof Blob !== 'undefined' && body instanceof Blob;

const isStream = (body: object): boolean =>
  (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) ||
  typeof (body as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function' ||
  typeof (body as { pipe?: unknown }).pipe === 'function' ||
  typeof (body as { getReader?: unknown }).getReader === 'function';

const isFormData = (body: object): boolean =>
  typeof FormData !== 'undefined' && body instanceof FormData;

/**
 * Reads a body into bytes (or a string) that can be hashed, without copying where possible.
 * @internal
 */
export async function normalizeBody(body: unknown, unsignedPayload: boolean): Promise<NormalizedBody> {
  if (unsignedPayload) {
    const send = body instanceof URLSearchParams ? body.toString() : (body as SignableBody);
    return { payload: undefined, unsigned: true, send, contentType: body instanceof URLSearchParams ? FORM_CONTENT_TYPE : undefined };
  }
  if (body === undefined || body === null) {
    return { payload: undefined, unsigned: false, send: body, contentType: undefined };
  }
  if (typeof body === 'string') {
    return { payload: body, unsigned: false, send: body, contentType: undefined };
  }
  if (typeof body !== 'object') {
    throw unsupported(typeof body);
  }
  if (body instanceof Uint8Array) {
    return { payload: body, unsigned: false, send: body, contentType: undefined };
  }
  if (ArrayBuffer.isView(body)) {
    const payload = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    return { payload, unsigned: false, send: body, contentType: undefined };
  }
  if (body instanceof ArrayBuffer || Object.prototype.toString.call(body) === '[object ArrayBuffer]') {
    return { payload: new Uint8Array(body as ArrayBuffer), unsigned: false, send: body as ArrayBuffer, contentType: undefined };
  }
  if (body instanceof URLSearchParams) {
    const text = body.toString();
    return { payload: text, unsigned: false, send: text, contentType: FORM_CONTENT_TYPE };
  }
  if (isBlob(body)) {
    const payload = new Uint8Array(await body.arrayBuffer());
    return { payload, unsigned: false, send: body, contentType: body.type === '' ? undefined : body.type };
  }
  if (isFormData(body)) {
    throw new SigV4Error(
      'UNSUPPORTED_BODY',
      'Cannot hash FormData (the client picks its multipart boundary later): encode it to bytes or sign with `unsignedPayload: true`.',
    );
  }
  if (isStream(body)) {
    throw new SigV4Error(
      'UNSUPPORTED_BODY',
      'Cannot hash a stream body: pass a string or bytes, or `unsignedPayload: true` to createSigner (if the service accepts UNSIGNED-PAYLOAD).',
    );
  }
  throw unsupported(Object.prototype.toString.call(body).slice(8, -1));
}

function unsupported(kind: string): SigV4Error {
  return new SigV4Error(
    'UNSUPPORTED_BODY',
    `Cannot sign a body of type ${kind}: pass a string, bytes, URLSearchParams or a Blob.`,
  );
}

