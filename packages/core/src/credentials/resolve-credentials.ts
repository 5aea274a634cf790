import { CREDENTIALS_REFRESH_MARGIN_MS } from '../constants.js';
import { fail } from '../errors/fail.js';
import { KIT } from '../signer/kit.js';
import { invalidOption } from '../signer/normalize-options.js';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, CredentialsInput } from '../types.js';
import type { CredentialsFailure } from './credentials-error.js';
import { HANDED_SECRETS, type ProviderWithSecrets, secretsOf } from './handed-secrets.js';

/**
 * Returns credentials for one signing; cached and refreshed as needed.
 * `secrets()` lists the secret values to keep out of errors: those of the current and the previous
 * credentials, and those handed to the provider (e.g. `fromAssumeRole`'s `masterCredentials`).
 * @internal
 */
export interface CredentialsResolver {
  (): Promise<AwsCredentialIdentity>;
  secrets(): readonly string[];
}

/** Loads the default provider chain (Node) or fails (browsers). @internal */
export type DefaultProviderLoader = () => Promise<AwsCredentialIdentityProvider>;

/** How a resolver keeps time. @internal */
export interface CredentialsResolverOptions {
  /** The signer's clock in epoch ms (its `now()` plus the clock offset): expiry is judged by the time the server keeps. */
  readonly now: () => number;
  /** A fetch not settled after this many ms fails that signing and is abandoned. */
  readonly timeoutMs: number;
}

/** A non-empty string. */
const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * A plain copy of the fields signing reads, each read once; `undefined` when they are not credentials.
 * A getter that throws is the provider's failure, reported as such by the caller.
 */
const readCredentials = (value: unknown): AwsCredentialIdentity | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = value as Record<string, unknown>;
  return isText(accessKeyId) &&
    isText(secretAccessKey) &&
    (sessionToken === undefined || typeof sessionToken === 'string')
    ? ({ accessKeyId, secretAccessKey, sessionToken, expiration } as AwsCredentialIdentity)
    : undefined;
};

/** True when the credentials expire within `margin` ms of `now`. */
const expiresWithin = (credentials: AwsCredentialIdentity, margin: number, now: number): boolean =>
  // No expiration: NaN, never within.
  new Date(credentials.expiration || Number.NaN).getTime() - margin <= now;

/**
 * Makes the credentials resolver of a signer.
 *
 * - Static credentials are checked once and returned as they are.
 * - A provider is memoized: concurrent calls share one in-flight fetch; credentials are fetched again
 *   5 minutes before their `expiration` by the signer's clock; a failed fetch is not cached (the next
 *   call tries again), and while the old credentials have not actually expired they are still used.
 * - A fetch that has not settled after `timeoutMs` fails and is abandoned: the next call starts a new one.
 * - Without credentials, the default chain is loaded lazily on the first call.
 * - Failures are worded (and their secrets redacted) by a module loaded on the first failure; a timeout
 *   rejects on time without it, worded by the signer's guard.
 * @internal
 */
export function createCredentialsResolver(
  input: CredentialsInput | undefined,
  loadDefault: DefaultProviderLoader,
  options: CredentialsResolverOptions,
): CredentialsResolver {
  let current: AwsCredentialIdentity | undefined;
  let previous: AwsCredentialIdentity | undefined;
  let inFlight: Promise<AwsCredentialIdentity> | undefined;
  let provider = input as ProviderWithSecrets | undefined;
  const secrets = (): readonly string[] => [
    ...secretsOf(current),
    ...secretsOf(previous),
    ...(provider?.[HANDED_SECRETS]?.() ?? []),
  ];

  if (input !== undefined && typeof input !== 'function') {
    provider = undefined;
    try {
      current = readCredentials(input);
    } catch {}
    if (!current) throw invalidOption('credentials');
    const resolved = Promise.resolve(current);
    return Object.assign(() => resolved, { secrets });
  }

  /** The SigV4Error of a failed fetch. */
  const failure = async (error: unknown, stage: CredentialsFailure): Promise<never> => {
    const { credentialsError } = await import('./credentials-error.js');
    throw credentialsError(KIT, error, stage, secrets(), input === undefined);
  };

  const fetchCredentials = async (): Promise<AwsCredentialIdentity> => {
    let value: unknown;
    try {
      provider ??= await loadDefault();
      value = await provider();
    } catch (error) {
      return failure(error, 'provider');
    }
    try {
      return readCredentials(value) ?? failure(undefined, 'invalid');
    } catch (error) {
      return failure(error, 'read');
    }
  };

  const refresh = async (): Promise<AwsCredentialIdentity> => {
    const stale = current;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      current = await Promise.race([
        fetchCredentials(),
        new Promise<never>((_, reject) => {
          // Worded by the signer's guard: a module to load here could keep the timeout from ending the wait.
          timer = setTimeout(
            reject,
            options.timeoutMs,
            fail('CREDENTIALS_PROVIDER_FAILED', 'credentialsTimeout', [options.timeoutMs]),
          );
          // The timer never keeps the process alive.
          (timer as { unref?: () => void }).unref?.();
        }),
      ]);
      if (current.secretAccessKey !== stale?.secretAccessKey || current.sessionToken !== stale?.sessionToken) {
        previous = stale;
      }
      return current;
    } catch (error) {
      // A failed refresh is not cached; still-valid old credentials keep working meanwhile.
      if (stale && !expiresWithin(stale, 0, options.now())) return stale;
      throw error;
    } finally {
      clearTimeout(timer);
      inFlight = undefined;
    }
  };

  return Object.assign(
    (): Promise<AwsCredentialIdentity> => {
      if (current && !expiresWithin(current, CREDENTIALS_REFRESH_MARGIN_MS, options.now())) {
        return Promise.resolve(current);
      }
      inFlight ??= refresh();
      return inFlight;
    },
    { secrets },
  );
}
