import { CREDENTIALS_REFRESH_MARGIN_MS } from '../constants.js';
import { SigV4Error, isSigV4Error } from '../errors/sigv4-error.js';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, CredentialsInput } from '../types.js';
import { NO_CREDENTIALS } from '../platform/node.js';
import { redactForeignText, sanitizeCause } from '../utils/redact.js';

/**
 * Returns credentials for one signing; cached and refreshed as needed.
 * `secrets()` lists the secret values seen so far, for redaction.
 * @internal
 */
export interface CredentialsResolver {
  (): Promise<AwsCredentialIdentity>;
  secrets(): readonly string[];
}

/** Loads the default provider chain (Node) or fails (browsers). @internal */
export type DefaultProviderLoader = () => Promise<AwsCredentialIdentityProvider>;

const isValid = (value: unknown): value is AwsCredentialIdentity =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as AwsCredentialIdentity).accessKeyId === 'string' &&
  (value as AwsCredentialIdentity).accessKeyId !== '' &&
  typeof (value as AwsCredentialIdentity).secretAccessKey === 'string' &&
  (value as AwsCredentialIdentity).secretAccessKey !== '';

const invalid = (where: string): SigV4Error =>
  new SigV4Error(
    'CREDENTIALS_INVALID',
    `The ${where} credentials lack \`accessKeyId\` or \`secretAccessKey\`: pass { accessKeyId, secretAccessKey, sessionToken? } or a provider of it.`,
  );

/** True when the credentials expire within `margin` ms from now. */
const expiresWithin = (credentials: AwsCredentialIdentity, margin: number): boolean => {
  const expiration = credentials.expiration;
  if (!expiration) return false;
  const time = new Date(expiration).getTime();
  return Number.isFinite(time) && time - margin <= Date.now();
};

/**
 * Makes the credentials resolver of a signer.
 *
 * - Static credentials are checked once and returned as they are.
 * - A provider is memoized: concurrent calls share one in-flight fetch; credentials are fetched again
 *   5 minutes before their `expiration`; a failed fetch is not cached (the next call tries again),
 *   and while the old credentials have not actually expired they are still used.
 * - Without credentials, the default chain is loaded lazily on the first call.
 * @internal
 */
export function createCredentialsResolver(
  input: CredentialsInput | undefined,
  loadDefault: DefaultProviderLoader,
): CredentialsResolver {
  const seen = new Set<string>();
  const remember = (credentials: AwsCredentialIdentity): void => {
    seen.add(credentials.secretAccessKey);
    if (credentials.sessionToken) seen.add(credentials.sessionToken);
  };
  const secrets = (): readonly string[] => [...seen];

  if (input !== undefined && typeof input !== 'function') {
    if (!isValid(input)) throw invalid('given');
    const credentials = input;
    remember(credentials);
    const resolved = Promise.resolve(credentials);
    return Object.assign(() => resolved, { secrets });
  }

  const isDefault = input === undefined;
  let provider: AwsCredentialIdentityProvider | undefined = input;
  let cached: AwsCredentialIdentity | undefined;
  let inFlight: Promise<AwsCredentialIdentity> | undefined;

  const fetchCredentials = async (): Promise<AwsCredentialIdentity> => {
    let value: unknown;
    try {
      provider ??= await loadDefault();
      value = await provider();
    } catch (error) {
      if (isSigV4Error(error)) {
        // A provider's own SigV4Error keeps its code, but its text is the provider's, not ours.
        const cause = (error as { cause?: unknown }).cause;
        throw new SigV4Error(error.code, redactForeignText(error.message, secrets()), cause === undefined ? undefined : { cause: sanitizeCause(cause, secrets()) });
      }
      if (isDefault) {
        throw new SigV4Error('CREDENTIALS_MISSING', NO_CREDENTIALS, { cause: sanitizeCause(error, secrets()) });
      }
      throw new SigV4Error(
        'CREDENTIALS_PROVIDER_FAILED',
        `The credentials provider failed: ${sanitizeCause(error, secrets()).message} (see \`cause\`); the next signing retries it.`,
        { cause: sanitizeCause(error, secrets()) },
      );
    }
    if (!isValid(value)) throw invalid(isDefault ? 'default-chain' : 'provider-returned');
    remember(value);
    return value;
  };

  const resolve = (): Promise<AwsCredentialIdentity> => {
    if (cached && !expiresWithin(cached, CREDENTIALS_REFRESH_MARGIN_MS)) return Promise.resolve(cached);
    if (!inFlight) {
      const stale = cached;
      inFlight = fetchCredentials().then(
        (credentials) => {
          cached = credentials;
          inFlight = undefined;
          return credentials;
        },
        (error: unknown) => {
          inFlight = undefined;
          // A failed refresh is not cached; still-valid old credentials keep working meanwhile.
          if (stale && !expiresWithin(stale, 0)) return stale;
          throw error;
        },
      );
    }
    return inFlight;
  };
  return Object.assign(resolve, { secrets });
}
