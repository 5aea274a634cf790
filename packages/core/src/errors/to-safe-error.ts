import { redactText, sanitizeCause } from '../utils/redact.js';
import { SigV4Error, isSigV4Error } from './sigv4-error.js';

const containsSecret = (value: unknown, secrets: readonly string[]): boolean => {
  let text: string;
  try {
    text = value instanceof Error ? `${value.name} ${value.message} ${value.stack ?? ''} ${JSON.stringify(value)}` : (JSON.stringify(value) ?? String(value));
  } catch {
    return true;
  }
  return secrets.some((secret) => secret.length > 0 && text.includes(secret));
};

/**
 * Makes any thrown value a {@link SigV4Error} whose message and cause hold none of the given secrets:
 * our own errors pass through (redacted if needed), anything else becomes `SIGNING_FAILED`.
 * @param error - what was thrown
 * @param operation - `sign`, `presign` or `explain`, for the message
 * @param secrets - secret keys and session tokens to keep out
 * @internal
 */
export function toSafeError(error: unknown, operation: string, secrets: readonly string[]): SigV4Error {
  if (isSigV4Error(error)) {
    const message = redactText(error.message, secrets);
    const cause = (error as { cause?: unknown }).cause;
    if (message === error.message && (cause === undefined || !containsSecret(cause, secrets))) return error;
    return new SigV4Error(error.code, message, cause === undefined ? undefined : { cause: sanitizeCause(cause, secrets) });
  }
  const safe = sanitizeCause(error, secrets);
  return new SigV4Error('SIGNING_FAILED', `${operation}() failed: ${safe.message}`, { cause: safe });
}
