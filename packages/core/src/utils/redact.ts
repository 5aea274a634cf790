/**
 * Removes secrets from text and errors before they leave the signer.
 * @internal
 */

const MASK = '[redacted]';

/** Replaces every occurrence of each secret in `text`. @internal */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0 && out.includes(secret)) out = out.split(secret).join(MASK);
  }
  return out;
}

/**
 * A copy of a thrown value that is safe to attach as `cause`: an `Error` with the same name, message,
 * stack and `code`, each with the secrets masked. Other properties (which may hold credentials, e.g.
 * an SDK error's request) are dropped.
 * @internal
 */
export function sanitizeCause(cause: unknown, secrets: readonly string[]): Error {
  if (cause instanceof Error || (typeof cause === 'object' && cause !== null && 'message' in cause)) {
    const source = cause as { name?: unknown; message?: unknown; stack?: unknown; code?: unknown };
    const copy = new Error(redactText(String(source.message), secrets));
    copy.name = redactText(typeof source.name === 'string' ? source.name : 'Error', secrets);
    if (typeof source.stack === 'string') copy.stack = redactText(source.stack, secrets);
    if (typeof source.code === 'string') (copy as Error & { code: string }).code = redactText(source.code, secrets);
    return copy;
  }
  return new Error(redactText(typeof cause === 'string' ? cause : `non-error value thrown (${typeof cause})`, secrets));
}
