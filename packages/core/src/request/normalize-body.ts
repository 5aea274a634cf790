import { KIT } from '../signer/kit.js';
import type { SignableBody } from '../types.js';
import { lazy } from '../utils/lazy.js';

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

/** Forms, Blobs, streams and unsigned payloads: loaded by the first request that has one. */
const loadAnyBody = /* @__PURE__ */ lazy(() => import('./normalize-any-body.js'));

/** A body that is hashed: its payload and what is sent. */
const hashed = (payload: string | Uint8Array | undefined, send: SignableBody): NormalizedBody => ({
  payload,
  unsigned: false,
  send,
  contentType: undefined,
});

/**
 * Reads a body into bytes (or a string) that can be hashed, without copying where possible. Strings and
 * bytes are read here; other bodies (forms, Blobs, streams, `unsignedPayload`) by a module loaded for them.
 * @internal
 */
export async function normalizeBody(body: unknown, unsignedPayload: boolean): Promise<NormalizedBody> {
  if (!unsignedPayload) {
    if (body === undefined || body === null || typeof body === 'string') return hashed(body ?? undefined, body);
    if (ArrayBuffer.isView(body)) {
      return hashed(
        body instanceof Uint8Array ? body : new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
        body,
      );
    }
    if (body instanceof ArrayBuffer) return hashed(new Uint8Array(body), body);
  }
  return (await loadAnyBody()).normalizeAnyBody(KIT, body, unsignedPayload);
}

/**
 * A body whose hash the caller gave (`x-amz-content-sha256`, checked first): sent as it is and never
 * read, by the module loaded for other bodies (see `normalize-any-body.ts`).
 * @internal
 */
export async function unreadBody(body: unknown, payloadHash: string): Promise<NormalizedBody> {
  return (await loadAnyBody()).unreadBody(KIT, body, payloadHash);
}
