import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORS_EXPOSE_HEADERS, MAX_BODY_BYTES, MAX_DRAIN_BYTES } from './constants.js';
import { createDictionary } from './dictionary.js';
import type { RawHttpRequest } from './raw-request.js';
import { splitTarget } from './raw-request.js';
import type { RecordedRequest } from './types.js';

/** A received request: its bytes plus the record kept in `gateway.requests`. @internal */
export interface Received {
  raw: RawHttpRequest;
  record: RecordedRequest;
  tooLarge: boolean;
}

function pairs(rawHeaders: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) out.push([rawHeaders[i] ?? '', rawHeaders[i + 1] ?? '']);
  return out;
}

/**
 * Reads the whole body (keeping at most 10 MB) and builds the wire record.
 * Bodies past the limit are drained so the client can read the 413; past
 * 64 MB the connection is closed.
 * @internal
 */
export function receive(req: IncomingMessage, api: RecordedRequest['api']): Promise<Received> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      if (size > MAX_DRAIN_BYTES) req.destroy();
    });
    req.on('error', reject);
    req.on('end', () => {
      const body = tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks);
      const target = req.url ?? '/';
      const rawHeaders = pairs(req.rawHeaders);
      const headers = createDictionary<string>();
      for (const [name, value] of rawHeaders) {
        const key = name.toLowerCase();
        headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
      }
      const { path, query } = splitTarget(target);
      const method = req.method ?? 'GET';
      resolve({
        raw: { method, target, rawHeaders, body },
        record: { api, method, target, path, query, rawHeaders, headers, body, status: 0 },
        tooLarge,
      });
    });
  });
}

/** CORS headers added to every answer (the Origin is echoed, else `*`). @internal */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return {
    'access-control-allow-origin': typeof origin === 'string' ? origin : '*',
    // with an echoed origin, pages may also call with `credentials: 'include'`
    ...(typeof origin === 'string' ? { 'access-control-allow-credentials': 'true' } : {}),
    'access-control-expose-headers': CORS_EXPOSE_HEADERS,
    vary: 'Origin',
  };
}

/** Answers a CORS preflight: any method, the requested headers, cached 10 minutes. @internal */
export function isPreflight(req: IncomingMessage): boolean {
  return req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
}

/** @internal */
export function preflightHeaders(req: IncomingMessage): Record<string, string> {
  const requested = req.headers['access-control-request-headers'];
  return {
    ...corsHeaders(req),
    'access-control-allow-methods': 'GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS',
    'access-control-allow-headers':
      typeof requested === 'string' && requested !== ''
        ? requested
        : 'authorization,content-type,x-amz-date,x-amz-security-token,x-amz-content-sha256,x-api-key',
    'access-control-max-age': '600',
    // Chrome's Private Network Access preflight (a public page calling loopback)
    ...(req.headers['access-control-request-private-network'] === 'true' ? { 'access-control-allow-private-network': 'true' } : {}),
  };
}

/** Writes an answer and fills in the record's status and error type. @internal */
export function send(
  res: ServerResponse,
  record: RecordedRequest,
  status: number,
  headers: Record<string, string | string[]>,
  body: string | Buffer,
  errorType?: string,
): void {
  record.status = status;
  if (errorType !== undefined) record.errorType = errorType;
  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...headers, 'content-length': String(payload.length) });
  res.end(record.method === 'HEAD' ? undefined : payload);
}
