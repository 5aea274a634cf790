import type { ProxyEvent, ProxyResult } from '../types.js';

function contentType(event: ProxyEvent): string {
  for (const [name, value] of Object.entries(event.headers ?? {}))
    if (name.toLowerCase() === 'content-type') return value;
  return '';
}

function echoedBody(event: ProxyEvent): unknown {
  if (event.body === null) return null;
  if (/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType(event)) && !event.isBase64Encoded) {
    try {
      return JSON.parse(event.body) as unknown;
    } catch {
      return event.body;
    }
  }
  return event.body;
}

/**
 * The seed's Lambda: answers 200 with `{ message: 'API Called', params, body, method }`,
 * where `params` is `queryStringParameters` (or null) and `body` is the parsed
 * JSON for JSON content types, else the body string (or null).
 * @example
 * await startGateway({ handler: echoHandler }); // the default
 * @public
 */
export function echoHandler(event: ProxyEvent): ProxyResult {
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      message: 'API Called',
      params: event.queryStringParameters,
      body: echoedBody(event),
      method: event.httpMethod,
    }),
  };
}
