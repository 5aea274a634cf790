// Loaded on first use by load-adapter-kit.ts; the browser build gives it its own copy of
// read-clock-skew.ts (build/own-copy.mjs), so apps that never export readClockSkew do not load it up front.
import { readClockSkew } from '../signer/read-clock-skew.js';

export { presignFetchRequest } from '../request/presign-fetch.js';
export { readClockSkew };

/** AWS's time errors are short: more than this is not one, and is not read further. */
const MAX_ERROR_BYTES = 64 * 1024;

/** An error body still arriving after this long is given up on, so a slow answer never holds the call. */
const READ_TIMEOUT_MS = 5_000;

/** The start of a clone's body as text: at most `MAX_ERROR_BYTES`, within `READ_TIMEOUT_MS`, `''` on failure. */
async function readStart(response: Response): Promise<string> {
  const reader = response.clone().body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), READ_TIMEOUT_MS);
  });
  try {
    while (size < MAX_ERROR_BYTES) {
      const next = await Promise.race([reader.read(), timedOut]);
      if (next === 'timeout' || next.done) break;
      chunks.push(next.value);
      size += next.value.byteLength;
    }
  } catch {
    // An aborted or broken body says nothing about the clock.
  } finally {
    clearTimeout(timer);
    reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes.subarray(0, MAX_ERROR_BYTES));
}

/**
 * The server's time when a fetch `Response` refuses a request for its signing time ({@link readClockSkew}),
 * reading at most the start of its body, within a time limit, from a clone: the response stays unread.
 * @internal
 */
export async function readResponseSkew(response: Response): Promise<number | undefined> {
  if (response.status !== 400 && response.status !== 401 && response.status !== 403) return undefined;
  return readClockSkew(response.status, response.headers, await readStart(response));
}

/** The token of a presigned URL as it stands in the URL, and decoded; none without a session token. */
function tokensOf(presignedUrl: string): string[] {
  const raw = /[?&]X-Amz-Security-Token=([^&#]*)/i.exec(presignedUrl)?.[1];
  if (!raw) return [];
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // An escape that does not decode stands for itself.
  }
  return decoded === raw ? [raw] : [raw, decoded];
}

const mask = (text: string, tokens: readonly string[]): string =>
  tokens.reduce((out, token) => out.split(token).join('[redacted]'), text);

/** Masks the tokens in an error's message and stack, and in its causes'. */
function maskError(error: unknown, tokens: readonly string[], depth = 0): unknown {
  if (depth > 4 || typeof error !== 'object' || error === null) return error;
  const e = error as { message?: unknown; stack?: unknown; cause?: unknown };
  try {
    if (typeof e.message === 'string') e.message = mask(e.message, tokens);
    if (typeof e.stack === 'string') e.stack = mask(e.stack, tokens);
  } catch {
    // A frozen error is handed on as it is.
  }
  maskError(e.cause, tokens, depth + 1);
  return error;
}

/**
 * Sends a presigned request and hands back what the caller sees with its session token masked: the
 * `url` of the `Response` (an own property over the runtime's getter), and the message, stack and causes
 * of a network error, since runtimes quote the URL there. What went on the wire is unchanged.
 * @internal
 */
export async function sendMasked(presignedUrl: string, send: () => Promise<Response>): Promise<Response> {
  const tokens = tokensOf(presignedUrl);
  if (tokens.length === 0) return send();
  let response: Response;
  try {
    response = await send();
  } catch (error) {
    throw maskError(error, tokens);
  }
  const url = mask(response.url, tokens);
  if (url !== response.url) Object.defineProperty(response, 'url', { value: url, enumerable: true });
  return response;
}
