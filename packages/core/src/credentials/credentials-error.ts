import type { SigV4Error } from '../errors/sigv4-error.js';
import type { Kit } from '../signer/kit.js';
import { redactForeignText, sanitizeCause } from '../utils/redact.js';

/**
 * Where fetching credentials failed: the provider (or default chain) threw, reading its answer threw,
 * or its answer lacks keys (a provider that does not answer in time fails with `fail`'s `credentialsTimeout`).
 * @internal
 */
export type CredentialsFailure = 'provider' | 'read' | 'invalid';

/**
 * The error of a failed credentials fetch, without secrets. Loaded on the first failure only; takes
 * `SigV4Error` from `kit` (see signer/kit.ts).
 * @internal
 */
export function credentialsError(
  kit: Kit,
  error: unknown,
  stage: CredentialsFailure,
  secrets: readonly string[],
  isDefault: boolean,
): SigV4Error {
  const { SigV4Error } = kit;
  if (stage === 'invalid') {
    return new SigV4Error(
      'CREDENTIALS_INVALID',
      `The ${isDefault ? 'default-chain' : 'provider-returned'} credentials lack \`accessKeyId\` or \`secretAccessKey\`: return { accessKeyId, secretAccessKey, sessionToken? }.`,
    );
  }
  if (stage === 'provider' && kit.isSigV4Error(error)) {
    // A provider's own SigV4Error (the default chain's CREDENTIALS_MISSING too) keeps its code, but its
    // text is the provider's, not ours.
    const cause = (error as { cause?: unknown }).cause;
    return new SigV4Error(
      error.code,
      redactForeignText(error.message, secrets),
      cause === undefined ? undefined : { cause: sanitizeCause(cause, secrets) },
    );
  }
  const cause = sanitizeCause(error, secrets);
  return new SigV4Error(
    'CREDENTIALS_PROVIDER_FAILED',
    `The credentials provider failed: ${cause.message} (see \`cause\`); the next signing retries it.`,
    { cause },
  );
}
