import type { SigV4Error } from '../errors/sigv4-error.js';
import type { Kit } from '../signer/kit.js';
import type { SignableBody } from '../types.js';
import type { NormalizedBody } from './normalize-body.js';

/** Content type given to a `URLSearchParams` body when the caller set none; only this lazy module needs it. */
const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=UTF-8';

// Loaded for bodies other than strings and bytes; takes what it needs from core as `kit` (see signer/kit.ts).

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
 * @param kit - what lazy modules take from core (see signer/kit.ts)
 * @internal
 */
export async function normalizeAnyBody(kit: Kit, body: unknown, unsignedPayload: boolean): Promise<NormalizedBody> {
  const { fail } = kit;
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
 * @param kit - what lazy modules take from core (see signer/kit.ts)
 * @throws {@link SigV4Error} `INVALID_OPTIONS` for a hash that is neither a SHA-256 in hex nor one of AWS's literals
 * @internal
 */
export function unreadBody(kit: Kit, body: unknown, payloadHash: string): NormalizedBody {
  if (!kit.DECLARED_PAYLOAD.test(payloadHash)) {
    throw kit.fail('INVALID_OPTIONS', 'payloadHash', [payloadHash]);
  }
  if (body instanceof URLSearchParams) {
    const form = body.toString();
    return { payload: undefined, unsigned: false, send: form, contentType: FORM_CONTENT_TYPE };
  }
  const type = typeof body === 'object' && body !== null && isBlob(body) && body.type !== '' ? body.type : undefined;
  return { payload: undefined, unsigned: false, send: body as SignableBody, contentType: type };
}
