import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_KEY_HEADER, CONTENT_SHA256_HEADER } from '../constants.js';
import { corsHeaders, isPreflight, preflightHeaders, send } from '../http/answer.js';
import { createDictionary } from '../http/receive.js';
import { type ListenerContext, startRequest } from '../http/start-request.js';
import type { ProxyResult } from '../types.js';
import { verifiedPath } from '../verify/canonical-path.js';
import { verifyRequest } from '../verify/verify-request.js';
import { buildProxyEvent } from './proxy-event.js';

/** API Gateway answers 502 to a "malformed Lambda proxy response": no integer status, a non-string body, odd headers. */
function isProxyResult(result: unknown): result is ProxyResult {
  if (typeof result !== 'object' || result === null) return false;
  const r = result as Record<string, unknown>;
  const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  return (
    typeof r.statusCode === 'number' &&
    Number.isInteger(r.statusCode) &&
    r.statusCode >= 100 &&
    r.statusCode <= 599 &&
    (r.body === undefined || r.body === null || typeof r.body === 'string') &&
    (r.headers === undefined ||
      r.headers === null ||
      (isRecord(r.headers) && Object.values(r.headers).every(scalar))) &&
    (r.multiValueHeaders === undefined ||
      r.multiValueHeaders === null ||
      (isRecord(r.multiValueHeaders) &&
        Object.values(r.multiValueHeaders).every((v) => Array.isArray(v) && v.every(scalar))))
  );
}

/** Splits `/dev/items` into the part after the stage (`/items`), or undefined for another stage. */
function stripStage(path: string, stage: string): string | undefined {
  if (stage === '') return path === '' ? '/' : path;
  const prefix = `/${stage}`;
  if (path === prefix) return '/';
  return path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : undefined;
}

/**
 * Serves one API request the way API Gateway does with IAM authorization:
 * body limit, stage, SigV4, API key, then the proxy-integration handler.
 * Stage and handler path come from the path the signature covers (dot segments
 * and repeated slashes removed), so the handler never sees a path that was not verified.
 * @internal
 */
export async function handleApiRequest(ctx: ListenerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { options } = ctx;
  const { received, requestId, nowMs } = await startRequest(ctx, 'execute-api', req, res);
  const fail = (status: number, errorType: string, message: string) =>
    send(
      res,
      received,
      status,
      {
        ...corsHeaders(req, options.exposeDateHeader),
        'content-type': 'application/json',
        'x-amzn-errortype': errorType,
        'x-amzn-requestid': requestId,
      },
      JSON.stringify({ message }),
      errorType,
    );

  if (isPreflight(req)) return send(res, received, 204, preflightHeaders(req, options.exposeDateHeader), '');
  if (received.tooLarge) return fail(413, 'RequestTooLargeException', 'Request Too Long');
  const resourcePath = stripStage(verifiedPath(received.record.path, options.service), options.stage);
  if (resourcePath === undefined) return fail(403, 'ForbiddenException', 'Forbidden');

  // As OpenSearch Serverless does: the payload hash header is required, not only allowed.
  if (options.requirePayloadHash && received.record.headers[CONTENT_SHA256_HEADER] === undefined) {
    return fail(403, 'ForbiddenException', `Missing required header: ${CONTENT_SHA256_HEADER}`);
  }

  const verified = verifyRequest(received.raw, {
    region: options.region,
    service: options.service,
    resolveCredentials: ctx.identities.resolve,
    now: options.now,
    allowUnsignedPayload: options.allowUnsignedPayload,
  });
  if (!verified.ok) return fail(verified.status, verified.errorType, verified.message);

  if (options.apiKeys !== undefined) {
    const key = received.record.headers[API_KEY_HEADER];
    if (key === undefined || !options.apiKeys.includes(key)) return fail(403, 'ForbiddenException', 'Forbidden');
  }

  const event = buildProxyEvent(received.raw, {
    stage: options.stage,
    resourcePath,
    query: received.record.query,
    requestId,
    nowMs,
    sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
    credentials: verified.credentials,
  });
  let result: ProxyResult;
  try {
    result = await options.handler(event);
  } catch {
    return fail(502, 'InternalServerErrorException', 'Internal server error');
  }
  if (!isProxyResult(result)) return fail(502, 'InternalServerErrorException', 'Internal server error');
  // a handler may echo request header names back (`__proto__` is a valid one)
  const headers: Record<string, string | string[]> = Object.assign(
    createDictionary<string | string[]>(),
    corsHeaders(req, options.exposeDateHeader),
  );
  headers['x-amzn-requestid'] = requestId;
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {}))
    headers[name.toLowerCase()] = values.map(String);
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = String(value);
  headers['content-type'] ??= 'application/json';
  const body = Buffer.from(result.body ?? '', result.isBase64Encoded ? 'base64' : 'utf8');
  send(res, received, result.statusCode, headers, body);
}
