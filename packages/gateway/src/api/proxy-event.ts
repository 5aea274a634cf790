import { TEST_ACCOUNT_ID } from '../constants.js';
import { createDictionary } from '../http/receive.js';
import type { ProxyEvent } from '../types.js';
import { parseQuery } from '../verify/canonical-query.js';
import type { RawHttpRequest } from '../verify/raw-request.js';
import type { KnownCredentials } from '../verify/types.js';
import { bytesToText, percentDecode } from '../verify/uri-encode.js';

/** What the gateway knows about a request besides its bytes. @internal */
export interface EventContext {
  stage: string;
  /** Path after the stage, raw (`/items/a%20b`), '/' at the root. */
  resourcePath: string;
  query: string;
  requestId: string;
  nowMs: number;
  sourceIp: string;
  credentials?: KnownCredentials;
}

const BINARY_TYPES = /^(?:application\/(?:octet-stream|zip|gzip|pdf|x-protobuf)|image\/|audio\/|video\/|font\/)/i;

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the REST API (v1) proxy-integration event API Gateway would hand to
 * a Lambda behind a `/{proxy+}` resource.
 * @internal
 */
export function buildProxyEvent(req: RawHttpRequest, ctx: EventContext): ProxyEvent {
  // names come from the request (`__proto__`, `constructor` are valid names): no prototype
  const headers = createDictionary<string>();
  const multiValueHeaders = createDictionary<string[]>();
  for (const [rawName, rawValue] of req.rawHeaders) {
    const value = bytesToText(rawValue);
    headers[rawName] = value;
    multiValueHeaders[rawName] = [...(multiValueHeaders[rawName] ?? []), value];
  }
  const query = createDictionary<string>();
  const multiQuery = createDictionary<string[]>();
  for (const { name, value } of parseQuery(ctx.query)) {
    const key = bytesToText(name);
    query[key] = bytesToText(value);
    multiQuery[key] = [...(multiQuery[key] ?? []), bytesToText(value)];
  }
  const hasQuery = Object.keys(query).length > 0;
  const path = bytesToText(percentDecode(ctx.resourcePath, false));
  const isRoot = path === '/' || path === '';
  const type = Object.entries(headers).find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
  const binary = req.body.length > 0 && (BINARY_TYPES.test(type) || !isValidUtf8(req.body));
  const creds = ctx.credentials;
  const userAgent = Object.entries(headers).find(([n]) => n.toLowerCase() === 'user-agent')?.[1] ?? null;
  const apiKey = Object.entries(headers).find(([n]) => n.toLowerCase() === 'x-api-key')?.[1] ?? null;
  return {
    resource: isRoot ? '/' : '/{proxy+}',
    path: isRoot ? '/' : path,
    httpMethod: req.method,
    headers: req.rawHeaders.length ? headers : null,
    multiValueHeaders: req.rawHeaders.length ? multiValueHeaders : null,
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    pathParameters: isRoot ? null : { proxy: path.replace(/^\//, '') },
    stageVariables: null,
    requestContext: {
      accountId: TEST_ACCOUNT_ID,
      apiId: 'sigv4local',
      resourcePath: isRoot ? '/' : '/{proxy+}',
      httpMethod: req.method,
      path: `${ctx.stage ? `/${ctx.stage}` : ''}${isRoot ? '/' : path}`,
      stage: ctx.stage || '$default',
      requestId: ctx.requestId,
      requestTimeEpoch: ctx.nowMs,
      protocol: 'HTTP/1.1',
      identity: {
        accessKey: creds?.accessKeyId ?? null,
        accountId: creds ? TEST_ACCOUNT_ID : null,
        caller: creds?.caller ?? null,
        user: creds?.caller ?? null,
        userArn: creds?.arn ?? null,
        apiKey,
        sourceIp: ctx.sourceIp,
        userAgent,
      },
    },
    body: req.body.length === 0 ? null : Buffer.from(req.body).toString(binary ? 'base64' : 'utf8'),
    isBase64Encoded: binary,
  };
}
