/**
 * The wording of errors thrown while a request is signed, loaded with the first failure: the code that
 * checks a request throws {@link fail} with a key and its arguments, and the signer's guard (see
 * `to-safe-error.ts`) writes the message from here, so none of this text is downloaded up front.
 * @internal
 */

const ERRORS_DOCS = 'https://github.com/sigv4/sigv4/tree/main/packages/core#errors';

const kindOf = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : `${/^[aeiou]/.test(typeof value) ? 'an' : 'a'} ${typeof value}`;

/** Shortens a URL for a message and drops its query (which may carry tokens). */
const clip = (href: string): string => {
  const noQuery = href.split(/[?#]/, 1)[0] ?? '';
  return noQuery.length > 120 ? `${noQuery.slice(0, 117)}...` : noQuery;
};

/** Each message by key; the arguments are what the throwing code passes to `fail`. @internal */
export const MESSAGES = {
  requestType: (operation: string, request: unknown) =>
    `${operation}() takes a request object { method?, url, headers?, body? }, not ${kindOf(request)}.`,
  fieldGetter: (operation: string, field: string) =>
    `${operation}(): \`request.${field}\` could not be read (its getter threw).`,
  methodType: (operation: string, method: unknown) =>
    `${operation}(): \`request.method\` must be a string such as "GET" or "POST", not ${kindOf(method)}.`,
  headersUnreadable: (operation: string) =>
    `${operation}(): \`request.headers\` could not be read: pass an object, Headers or [name, value] pairs of strings.`,
  ownAuthorization: (operation: string) =>
    `${operation}(): remove the request's own Authorization header: the SigV4 signature goes there and would replace it.`,
  headersType: (headers: unknown) =>
    `Cannot read headers of type ${typeof headers}: pass an object, Headers or [name, value] pairs.`,
  headerPairs: () => 'Cannot read headers: pass [name, value] pairs.',
  headerValue: (name: string, value: unknown) =>
    `Cannot sign header "${name}" (a ${typeof value}): pass a string, a number or an array of strings.`,
  methodToken: (method: unknown) =>
    `Cannot sign method ${JSON.stringify(String(method)).slice(0, 40)}: pass an HTTP method such as "GET" or "POST".`,
  payloadHash: (value: string) =>
    `Cannot sign with x-amz-content-sha256 ${JSON.stringify(value.slice(0, 80))}: set it to the body's SHA-256 in 64 lower-case hex digits, "UNSIGNED-PAYLOAD" or a STREAMING-… value (e.g. STREAMING-AWS4-HMAC-SHA256-PAYLOAD), or leave it out to have the body hashed.`,
  urlType: (url: unknown) =>
    `Cannot sign a request whose url is a ${typeof url}: pass an absolute http(s) URL string or a URL object.`,
  urlRelative: (text: string) =>
    `Cannot sign "${clip(text)}": the url must be absolute, e.g. "https://abc123.execute-api.eu-central-1.amazonaws.com/prod/items".`,
  urlProtocol: (text: string, protocol: string) =>
    `Cannot sign "${clip(text)}": only http: and https: URLs can be signed (got ${protocol}).`,
  fetchProtocol: (url: string) =>
    `Cannot sign a ${url.split(':', 1)[0]}: URL: only http: and https: URLs can be signed.`,
  noCors: () =>
    'A no-cors request loses Authorization in browsers, so it was not sent: use mode "cors" or "same-origin".',
  formData: () =>
    'Cannot hash FormData (the client picks its multipart boundary later): encode it to bytes or sign with `unsignedPayload: true`.',
  streamBody: () =>
    'Cannot hash a stream body: pass a string or bytes, or `unsignedPayload: true` to createSigner (if the service accepts UNSIGNED-PAYLOAD).',
  bodyType: (kind: string) =>
    `Cannot sign a body of type ${kind}: pass a string, bytes, URLSearchParams or a Blob (${ERRORS_DOCS}).`,
  noRegion: (hostname: string, service: string | undefined) =>
    `Cannot infer the AWS region from "${hostname}": pass \`region\` to createSigner${service === undefined ? ' (and pass `service`)' : ''}.`,
  credentialsTimeout: (ms: number) =>
    `The credentials provider timed out: no credentials after ${ms} ms (\`credentialsTimeout\`); the next signing asks it again.`,
  noService: (hostname: string) =>
    `Cannot infer the AWS service from "${hostname}": pass \`service\` to createSigner (e.g. "execute-api").`,
} as const;

/** A key of {@link MESSAGES}. @internal */
export type MessageKey = keyof typeof MESSAGES;

/** The arguments of a message. @internal */
export type MessageArgs<K extends MessageKey> = Parameters<(typeof MESSAGES)[K]>;

/**
 * Writes the message of an error made by `fail` (and of its `cause`, when that is one too), once.
 * @param error - any thrown value
 * @param argsKey - where `fail` keeps the arguments (`kit.MESSAGE_ARGS`)
 * @internal
 */
export function wordMessage(error: unknown, argsKey: symbol): void {
  if (typeof error !== 'object' || error === null) return;
  const held = error as { message: string; cause?: unknown; [key: symbol]: unknown };
  const args = held[argsKey] as unknown[] | undefined;
  if (args === undefined) return;
  delete held[argsKey];
  const word = MESSAGES[held.message as MessageKey] as ((...args: unknown[]) => string) | undefined;
  if (word) held.message = word(...args);
  wordMessage(held.cause, argsKey);
}
