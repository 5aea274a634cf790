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
