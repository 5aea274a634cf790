const objectToString = Object.prototype.toString;

/**
 * True for a fetch `Request`, also one from another realm or a polyfill (ky checks the same way).
 * @internal
 */
export function isRequest(value: unknown): value is Request {
  return value instanceof Request || objectToString.call(value) === '[object Request]';
}

/**
 * True for a fetch `Response`, also one from another realm or a polyfill.
 * @internal
 */
export function isResponse(value: unknown): value is Response {
  return value instanceof Response || objectToString.call(value) === '[object Response]';
}

/**
 * True for bodies fetch can only send as a stream: a `ReadableStream` or an async iterable.
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
 * True for a non-null object (arrays included).
 * @internal
 */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
