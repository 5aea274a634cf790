import type { Kit } from '../signer/kit.js';
import { redactForeignText, sanitizeCause } from '../utils/redact.js';
import { wordMessage } from './messages.js';
import type { SigV4Error } from './sigv4-error.js';

const containsSecret = (value: unknown, secrets: readonly string[]): boolean => {
  let text: string;
  try {
    text =
      value instanceof Error
        ? `${value.name} ${value.message} ${value.stack ?? ''} ${JSON.stringify(value)}`
        : (JSON.stringify(value) ?? String(value));
  } catch {
    return true;
  }
  return secrets.some((secret) => secret.length > 0 && text.includes(secret));
};

/**
 * Makes any thrown value a {@link SigV4Error} whose message and cause hold none of the given secrets.
 * Our own errors keep their message (built without credential values; foreign text in it was
 * redacted when it was built) and get a sanitized copy of a `cause` that holds a secret. A
 * SigV4Error-like value from elsewhere (another copy of the package, a provider) is foreign text;
 * anything else becomes `SIGNING_FAILED`. Errors made by `fail` get their message written here first.
 * Loaded on the first failure; takes `SigV4Error` from `kit`.
 * @param kit - what lazy modules take from core (see signer/kit.ts)
 * @param error - what was thrown
 * @param operation - `sign`, `presign` or `explain`, for the message
 * @param secrets - secret keys and session tokens to keep out
 * @internal
 */
export function toSafeError(kit: Kit, error: unknown, operation: string, secrets: readonly string[]): SigV4Error {
  const { SigV4Error } = kit;
  wordMessage(error, kit.MESSAGE_ARGS);
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  const safeCause =
    cause === undefined ? undefined : { cause: containsSecret(cause, secrets) ? sanitizeCause(cause, secrets) : cause };
  if (error instanceof SigV4Error) {
    return safeCause === undefined || safeCause.cause === cause
      ? error
      : new SigV4Error(error.code, error.message, safeCause);
  }
  if (kit.isSigV4Error(error)) {
    const message = redactForeignText(error.message, secrets);
    if (message === error.message && (safeCause === undefined || safeCause.cause === cause)) return error;
    return new SigV4Error(error.code, message, safeCause);
  }
  const safe = sanitizeCause(error, secrets);
  return new SigV4Error('SIGNING_FAILED', `${operation}() failed: ${safe.message}`, { cause: safe });
}
