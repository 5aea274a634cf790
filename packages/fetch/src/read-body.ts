/**
 * What the signer hashes: the bytes fetch will send, or the stream itself when the caller gave a stream.
 * @internal
 */
export type RequestBody =
  | { kind: 'none' }
  | { kind: 'bytes'; bytes: Uint8Array<ArrayBuffer> }
  | { kind: 'stream'; stream: ReadableStream<Uint8Array> };

const encoder = new TextEncoder();

/**
 * True for bodies fetch can only send as a stream: a `ReadableStream` or (Node) an async iterable.
 * Blob, FormData, URLSearchParams, strings and buffers have a known length and are read in full.
 * @internal
 */
export function isStreamBody(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  return (
    typeof (body as ReadableStream).getReader === 'function' ||
    typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function'
  );
}

/**
 * The bytes fetch makes of a string, URLSearchParams or buffer body (Fetch standard,
 * "extract a body": UTF-8 text, the urlencoded serialization, a copy of the bytes),
 * without reading a stream. Other bodies (Blob, FormData, …) return `undefined`.
 */
function encodeSimpleBody(body: unknown): Uint8Array<ArrayBuffer> | undefined {
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof URLSearchParams) return encoder.encode(body.toString());
  if (body instanceof ArrayBuffer) return new Uint8Array(body.slice(0));
  if (ArrayBuffer.isView(body)) {
    return new Uint8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  }
  return undefined;
}

/**
 * Reads the body of `request`, which fetch built from `input` and `init`, without consuming it.
 *
 * - A stream given as `init.body` is handed over as it is (teeing it would buffer the whole
 *   upload for a branch nobody reads); the signer then signs `UNSIGNED-PAYLOAD` or refuses.
 * - A string, URLSearchParams or buffer `init.body` is encoded as fetch encodes it (no stream read),
 *   synchronously, like the copy fetch took: a caller that reuses the buffer right after the call
 *   cannot make the hashed bytes differ from the sent ones.
 * - Every other body, including the body of a `Request` passed as `input`, is read through
 *   `request.clone()`: the bytes fetch would send, a FormData boundary included.
 * @internal
 */
export async function readBody(request: Request, init: RequestInit | undefined): Promise<RequestBody> {
  if (request.body === null) return { kind: 'none' };
  const given: unknown = init?.body;
  if (given != null) {
    if (isStreamBody(given)) return { kind: 'stream', stream: request.body };
    const bytes = encodeSimpleBody(given);
    if (bytes) return { kind: 'bytes', bytes };
  }
  return { kind: 'bytes', bytes: new Uint8Array(await request.clone().arrayBuffer()) };
}
