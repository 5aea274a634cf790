/**
 * Keeps secrets out of what leaves the signer: explain output and the text of foreign errors.
 *
 * Nothing here searches our own text for secrets: the secret key is never in a canonical request, the
 * session token only in the `x-amz-security-token` header line (or an `X-Amz-Security-Token` query
 * parameter), which are masked by position; SigV4Error messages are built without credential values
 * (foreign text in them goes through {@link redactForeignText} first). Substring masking of our own text
 * turned `host:h.example.com` into `host:h.e[redacted]ample.com` for a secret `x`.
 * @internal
 */

const MASK = '[redacted]';

/** Secrets shorter than this are not masked inside foreign text but withhold all of it: they match innocent words. */
const MIN_MASKED_LENGTH = 8;

/** What a foreign text becomes when it contains a secret too short to mask in place. @internal */
export const WITHHELD = '[text withheld: it contains a credential value]';

/**
 * Foreign text (a provider's or library's error) without the given secrets: each secret of 8 or more
 * characters is replaced by `[redacted]`; if a shorter one occurs, the whole text is withheld.
 * @internal
 */
export function redactForeignText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === '' || !out.includes(secret)) continue;
    if (secret.length < MIN_MASKED_LENGTH) return WITHHELD;
    out = out.split(secret).join(MASK);
  }
  return out;
}

const TOKEN_HEADER_LINE = 'x-amz-security-token:';
const TOKEN_PARAM = 'x-amz-security-token=';

/**
 * A canonical request with the session token masked where it can be: the value of the
 * `x-amz-security-token` header line and of an `X-Amz-Security-Token` query parameter.
 * @internal
 */
export function redactCanonicalRequest(canonicalRequest: string): string {
  const lines = canonicalRequest.split('\n');
  // Layout: method, path, query, header lines, empty line, signed headers, payload hash.
  const query = lines[2];
  if (query) {
    lines[2] = query
      .split('&')
      .map((pair) =>
        pair.toLowerCase().startsWith(TOKEN_PARAM) ? `${pair.slice(0, TOKEN_PARAM.length)}${MASK}` : pair,
      )
      .join('&');
  }
  for (let i = 3; i < lines.length && lines[i] !== ''; i++) {
    if (lines[i]?.startsWith(TOKEN_HEADER_LINE)) lines[i] = `${TOKEN_HEADER_LINE}${MASK}`;
  }
  return lines.join('\n');
}

/**
 * A copy of a thrown value that is safe to attach as `cause`: an `Error` with the same name, message,
 * stack and `code`, each through {@link redactForeignText}. Other properties (which may hold credentials,
 * e.g. an SDK error's request) are dropped.
 * @internal
 */
export function sanitizeCause(cause: unknown, secrets: readonly string[]): Error {
  if (cause instanceof Error || (typeof cause === 'object' && cause !== null && 'message' in cause)) {
    const source = cause as { name?: unknown; message?: unknown; stack?: unknown; code?: unknown };
    const copy = new Error(redactForeignText(String(source.message), secrets));
    const name = typeof source.name === 'string' ? source.name : 'Error';
    copy.name = redactForeignText(name, secrets) === name ? name : 'Error';
    if (typeof source.stack === 'string') copy.stack = redactForeignText(source.stack, secrets);
    if (typeof source.code === 'string')
      (copy as Error & { code: string }).code = redactForeignText(source.code, secrets);
    return copy;
  }
  return new Error(
    redactForeignText(typeof cause === 'string' ? cause : `non-error value thrown (${typeof cause})`, secrets),
  );
}
