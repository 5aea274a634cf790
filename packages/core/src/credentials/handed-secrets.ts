import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '../types.js';

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
  [credentials?.secretAccessKey, credentials?.sessionToken].filter((value): value is string => !!value);
