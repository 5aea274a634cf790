import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORS_EXPOSE_HEADERS, CORS_EXPOSE_HEADERS_WITHOUT_DATE } from '../constants.js';
import type { Received } from './receive.js';

/** CORS headers added to every answer (the Origin is echoed, else `*`). @internal */
export function corsHeaders(req: IncomingMessage, exposeDate = true): Record<string, string> {
  const origin = req.headers.origin;
  return {
    'access-control-allow-origin': typeof origin === 'string' ? origin : '*',
    // with an echoed origin, pages may also call with `credentials: 'include'`
    ...(typeof origin === 'string' ? { 'access-control-allow-credentials': 'true' } : {}),
    'access-control-expose-headers': exposeDate ? CORS_EXPOSE_HEADERS : CORS_EXPOSE_HEADERS_WITHOUT_DATE,
    vary: 'Origin',
  };
}

/** Whether the request is a CORS preflight. @internal */
export function isPreflight(req: IncomingMessage): boolean {
  return req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
}

/** Answers a CORS preflight: any method, the requested headers, cached 10 minutes. @internal */
export function preflightHeaders(req: IncomingMessage, exposeDate = true): Record<string, string> {
  const requested = req.headers['access-control-request-headers'];
  return {
    ...corsHeaders(req, exposeDate),
    'access-control-allow-methods': 'GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS',
    'access-control-allow-headers':
      typeof requested === 'string' && requested !== ''
        ? requested
        : 'authorization,content-type,x-amz-date,x-amz-security-token,x-amz-content-sha256,x-api-key',
    'access-control-max-age': '600',
    // Chrome's Private Network Access preflight (a public page calling loopback)
    ...(req.headers['access-control-request-private-network'] === 'true'
      ? { 'access-control-allow-private-network': 'true' }
      : {}),
  };
}

/** Writes an answer and fills in the record's status and error type. @internal */
export function send(
  res: ServerResponse,
  received: Received,
  status: number,
  headers: Record<string, string | string[]>,
  body: string | Buffer,
  errorType?: string,
): void {
  const { record } = received;
  record.status = status;
  if (errorType !== undefined) record.errorType = errorType;
  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...headers, 'content-length': String(payload.length) });
  res.end(record.method === 'HEAD' ? undefined : payload);
}
