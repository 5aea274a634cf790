import { isStreamBody } from './utils/guards.js';

/**
 * What the signer hashes.
 * @internal
 */
export type RequestBody =
  | { kind: 'none' }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'stream'; stream: ReadableStream<Uint8Array> };

/**
 * Where the body of a request came from, as far as ky told the hook.
 * @internal
 */
export interface BodySource {
  /** ky's `options.body`: the `BodyInit` ky built the request from (`json` is already a string here). */
  readonly hint: unknown;
  /**
   * `true` only when the request is known to be the one ky built from `hint` (first attempt, no
   * hook replaced it): the bytes can then be taken from `hint` instead of reading a clone.
   */
  readonly trusted: boolean;
}

const encoder = new TextEncoder();

/** The bytes `new Request(url, { body })` sends for `body`, when they can be had without reading a stream. */
function bytesOf(body: unknown): Uint8Array | undefined {
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof URLSearchParams) return encoder.encode(body.toString());
  if (body instanceof ArrayBuffer) return new Uint8Array(body.slice(0));
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
  return undefined;
}

/**
 * Reads the body of `request` for signing, never consuming the request:
 * - no body: nothing to read;
 * - a stream given to ky (`ReadableStream`, async iterable): handed over unread (the signer signs
 *   `UNSIGNED-PAYLOAD` when allowed, else refuses);
 * - a string, bytes or URLSearchParams given to ky, when `source.trusted`: encoded from the source;
 * - anything else (Blob, FormData, a replaced request): read in full from `request.clone()`.
 *
 * @throws whatever reading the clone throws (the caller turns it into a `SigV4Error`).
 * @internal
 */
export async function readBody(request: Request, source: BodySource): Promise<RequestBody> {
  if (request.body === null) return { kind: 'none' };
  if (isStreamBody(source.hint)) return { kind: 'stream', stream: request.body };
  const fromSource = source.trusted ? bytesOf(source.hint) : undefined;
  if (fromSource) return { kind: 'bytes', bytes: fromSource };
  return { kind: 'bytes', bytes: new Uint8Array(await request.clone().arrayBuffer()) };
}
