import { CREDENTIALS_REFRESH_MARGIN_MS } from '../constants.js';
import { isSigV4Error, SigV4Error } from '../errors/sigv4-error.js';
import { NO_CREDENTIALS } from '../platform/node.js';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, CredentialsInput } from '../types.js';
import { redactForeignText, sanitizeCause } from '../utils/redact.js';

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

/**
 * Where a provider lists secrets it was handed but has not returned (e.g. `masterCredentials`),
 * so that they are redacted from its errors too.
 * @internal
 */
export const HANDED_SECRETS: unique symbol = Symbol.for('@sigv4/core.handedSecrets');

/** A provider that may list the secrets it was handed. @internal */
export type ProviderWithSecrets = AwsCredentialIdentityProvider & { [HANDED_SECRETS]?: () => readonly string[] };

/** The secret values of credentials. @internal */
export const secretsOf = (credentials: AwsCredentialIdentity | undefined): string[] =>
  credentials === undefined
    ? []
    : [credentials.secretAccessKey, credentials.sessionToken ?? ''].filter((value) => value !== '');

/**
 * A plain copy of credentials, each field read once; `undefined` when they are not credentials.
 * A getter that throws is the provider's failure, reported as such by the caller.
 */
const readCredentials = (value: unknown): AwsCredentialIdentity | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const { accessKeyId, secretAccessKey, sessionToken, expiration, credentialScope, accountId } = value as Record<
    keyof AwsCredentialIdentity,
    unknown
  >;
  if (
    typeof accessKeyId !== 'string' ||
    accessKeyId === '' ||
    typeof secretAccessKey !== 'string' ||
    secretAccessKey === ''
  )
    return undefined;
  if (sessionToken !== undefined && typeof sessionToken !== 'string') return undefined;
  return {
    accessKeyId,
    secretAccessKey,
    ...(sessionToken === undefined ? {} : { sessionToken }),
    ...(expiration === undefined ? {} : { expiration: expiration as Date }),
    ...(typeof credentialScope === 'string' ? { credentialScope } : {}),
    ...(typeof accountId === 'string' ? { accountId } : {}),
  };
};

const invalid = (where: string): SigV4Error =>
  new SigV4Error(
    'CREDENTIALS_INVALID',
    `The ${where} credentials lack \`accessKeyId\` or \`secretAccessKey\`: pass { accessKeyId, secretAccessKey, sessionToken? } or a provider of it.`,
  );

/** True when the credentials expire within `margin` ms of `now`. */
const expiresWithin = (credentials: AwsCredentialIdentity, margin: number, now: number): boolean => {
  const expiration = credentials.expiration;
  if (!expiration) return false;
  const time = new Date(expiration).getTime();
  return Number.isFinite(time) && time - margin <= now;
};

const timedOut = (timeoutMs: number): SigV4Error =>
  new SigV4Error(
    'CREDENTIALS_PROVIDER_FAILED',
    `The credentials provider timed out: no credentials after ${timeoutMs} ms (\`credentialsTimeout\`); the next signing asks it again.`,
  );

/**
 * Settles like `promise`, or rejects with `onTimeout()` after `ms`. The timer never keeps the process alive.
 */
const withTimeout = <T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
    (timer as { unref?: () => void }).unref?.();
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
};

/**
 * Makes the credentials resolver of a signer.
 *
 * - Static credentials are checked once and returned as they are.
 * - A provider is memoized: concurrent calls share one in-flight fetch; credentials are fetched again
 *   5 minutes before their `expiration` by the signer's clock; a failed fetch is not cached (the next
 *   call tries again), and while the old credentials have not actually expired they are still used.
 * - A fetch that has not settled after `timeoutMs` fails and is abandoned: the next call starts a new one.
 * - Without credentials, the default chain is loaded lazily on the first call.
 * @internal
 */
export function createCredentialsResolver(
  input: CredentialsInput | undefined,
  loadDefault: DefaultProviderLoader,
  options: CredentialsResolverOptions,
): CredentialsResolver {
  let current: AwsCredentialIdentity | undefined;
  let previous: AwsCredentialIdentity | undefined;
  const handed = typeof input === 'function' ? (input as ProviderWithSecrets)[HANDED_SECRETS] : undefined;
  const secrets = (): readonly string[] => [...secretsOf(current), ...secretsOf(previous), ...(handed?.() ?? [])];

  if (input !== undefined && typeof input !== 'function') {
    let credentials: AwsCredentialIdentity | undefined;
    try {
      credentials = readCredentials(input);
    } catch (error) {
      throw new SigV4Error(
        'CREDENTIALS_INVALID',
        'The given credentials could not be read (a getter threw): pass { accessKeyId, secretAccessKey, sessionToken? } as plain strings.',
        {
          cause: sanitizeCause(error, []),
        },
      );
    }
    if (credentials === undefined) throw invalid('given');
    current = credentials;
    const resolved = Promise.resolve(credentials);
    return Object.assign(() => resolved, { secrets });
  }

  const isDefault = input === undefined;
  let provider: AwsCredentialIdentityProvider | undefined = input;
  let inFlight: Promise<AwsCredentialIdentity> | undefined;

  const providerFailed = (error: unknown): SigV4Error => {
    const cause = sanitizeCause(error, secrets());
    return new SigV4Error(
      'CREDENTIALS_PROVIDER_FAILED',
      `The credentials provider failed: ${cause.message} (see \`cause\`); the next signing retries it.`,
      { cause },
    );
  };

  const fetchCredentials = async (): Promise<AwsCredentialIdentity> => {
    let value: unknown;
    try {
      provider ??= await loadDefault();
      value = await provider();
    } catch (error) {
      if (isSigV4Error(error)) {
        // A provider's own SigV4Error keeps its code, but its text is the provider's, not ours.
        const cause = (error as { cause?: unknown }).cause;
        throw new SigV4Error(
          error.code,
          redactForeignText(error.message, secrets()),
          cause === undefined ? undefined : { cause: sanitizeCause(cause, secrets()) },
        );
      }
      if (isDefault) {
        throw new SigV4Error('CREDENTIALS_MISSING', NO_CREDENTIALS, { cause: sanitizeCause(error, secrets()) });
      }
      throw providerFailed(error);
    }
    let credentials: AwsCredentialIdentity | undefined;
    try {
      credentials = readCredentials(value);
    } catch (error) {
      throw providerFailed(error);
    }
    if (credentials === undefined) throw invalid(isDefault ? 'default-chain' : 'provider-returned');
    return credentials;
  };

  const resolve = (): Promise<AwsCredentialIdentity> => {
    const now = options.now();
    if (current && !expiresWithin(current, CREDENTIALS_REFRESH_MARGIN_MS, now)) return Promise.resolve(current);
    if (!inFlight) {
      const stale = current;
      const attempt: Promise<AwsCredentialIdentity> = withTimeout(fetchCredentials(), options.timeoutMs, () =>
        timedOut(options.timeoutMs),
      ).then(
        (credentials) => {
          if (inFlight === attempt) inFlight = undefined;
          if (
            credentials.secretAccessKey !== current?.secretAccessKey ||
            credentials.sessionToken !== current?.sessionToken
          )
            previous = current;
          current = credentials;
          return credentials;
        },
        (error: unknown) => {
          if (inFlight === attempt) inFlight = undefined;
          // A failed refresh is not cached; still-valid old credentials keep working meanwhile.
          if (stale && !expiresWithin(stale, 0, options.now())) return stale;
          throw error;
        },
      );
      inFlight = attempt;
    }
    return inFlight;
  };
  return Object.assign(resolve, { secrets });
}
