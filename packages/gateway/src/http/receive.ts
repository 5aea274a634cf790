import type { IncomingMessage } from 'node:http';
import { MAX_BODY_BYTES, MAX_DRAIN_BYTES } from '../constants.js';
import type { RecordedRequest } from '../types.js';
import { type RawHttpRequest, splitTarget } from '../verify/raw-request.js';

/** A received request: its bytes plus the record kept in `gateway.requests`. @internal */
export interface Received {
  raw: RawHttpRequest;
  record: RecordedRequest;
  /** The body is over the limit: answer 413. */
  tooLarge: boolean;
}

/**
 * An empty object without a prototype, for maps whose keys come from the request (query names,
 * header names): `__proto__` or `constructor` are then plain own keys, never `Object.prototype`'s.
 * @example
 * const params = createDictionary<string>();
 * params['__proto__'] = '2'; // JSON.stringify(params) === '{"__proto__":"2"}'
 * @internal
 */
export function createDictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function pairs(rawHeaders: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) out.push([rawHeaders[i] ?? '', rawHeaders[i + 1] ?? '']);
  return out;
}

function received(req: IncomingMessage, api: RecordedRequest['api'], body: Buffer, tooLarge: boolean): Received {
  const target = req.url ?? '/';
  const rawHeaders = pairs(req.rawHeaders);
  const headers = createDictionary<string>();
  for (const [name, value] of rawHeaders) {
    const key = name.toLowerCase();
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  const { path, query } = splitTarget(target);
  const method = req.method ?? 'GET';
  return {
    raw: { method, target, rawHeaders, body },
    record: { api, method, target, path, query, rawHeaders, headers, body, status: 0 },
    tooLarge,
  };
}

/**
 * Reads the whole body (keeping at most 10 MB) and builds the wire record. A body past the limit
 * is drained so the client can read the 413, and past 64 MB the connection is closed; a declared
 * `Content-Length` over the limit resolves at once, so the 413 does not wait for the body.
 * @internal
 */
export function receive(req: IncomingMessage, api: RecordedRequest['api']): Promise<Received> {
  const declaredTooLarge = Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declaredTooLarge;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      if (size > MAX_DRAIN_BYTES) req.destroy();
    });
    req.on('error', reject);
    if (declaredTooLarge) return resolve(received(req, api, Buffer.alloc(0), true));
    req.on('end', () => resolve(received(req, api, tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge)));
  });
}
