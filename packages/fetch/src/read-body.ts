/**
 * What the signer hashes: the request's bytes, read from a clone so the request
 * itself is never consumed, or the stream itself when the caller gave a stream.
 * @internal
 */
export type RequestBody =
  | { kind: 'none' }
  | { kind: 'bytes'; bytes: Uint8Array<ArrayBuffer> }
  | { kind: 'stream'; stream: ReadableStream<Uint8Array> };

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
 * Reads the body of `request`, which fetch built from `input` and `init`.
 *
 * A stream given as `init.body` is handed over as it is (teeing it would buffer the
 * whole upload for a branch nobody reads); the signer then signs `UNSIGNED-PAYLOAD` or
 * refuses. Every other body, including the body of a `Request` passed as `input`, is
 * read through `request.clone()`: the bytes fetch would send, FormData boundary included.
 * @internal
 */
export async function readBody(request: Request, init: RequestInit | undefined): Promise<RequestBody> {
  if (request.body === null) return { kind: 'none' };
  if (init?.body != null && isStreamBody(init.body)) return { kind: 'stream', stream: request.body };
  const bytes = new Uint8Array(await request.clone().arrayBuffer());
  return { kind: 'bytes', bytes };
}
