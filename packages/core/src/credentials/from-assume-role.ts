import type { FromTemporaryCredentialsOptions } from '@aws-sdk/credential-providers';
import { ASSUME_ROLE_REQUEST_HANDLER, DEFAULT_ASSUME_ROLE_DURATION_SECONDS } from '../constants.js';
import { SigV4Error } from '../errors/sigv4-error.js';
import type { TemporaryCredentialsFactory } from '../platform/types.js';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, CredentialsInput } from '../types.js';
import { HANDED_SECRETS, type ProviderWithSecrets, secretsOf } from './handed-secrets.js';

/**
 * Configuration of the STS client that assumes the role: the `clientConfig` that the AWS SDK's
 * `fromTemporaryCredentials` accepts (`STSClientConfig`), e.g. `{ endpoint, region, maxAttempts }`.
 *
 * @example
 * ```ts
 * const clientConfig: AssumeRoleClientConfig = { endpoint: 'https://sts.eu-central-1.amazonaws.com', region: 'eu-central-1' };
 * ```
 */
export type AssumeRoleClientConfig = NonNullable<FromTemporaryCredentialsOptions['clientConfig']>;

/**
 * Options of {@link fromAssumeRole}.
 *
 * @example
 * ```ts
 * const options: AssumeRoleOptions = { roleArn: 'arn:aws:iam::123456789012:role/api-caller' };
 * ```
 */
export interface AssumeRoleOptions {
  /** ARN of the role to assume. */
  roleArn: string;
  /**
   * Name of the role session (shows in CloudTrail).
   * @default `sigv4-<epoch ms>`
   */
  roleSessionName?: string | undefined;
  /**
   * Lifetime of the temporary credentials in seconds (900 to the role's maximum, at most 43200).
   * @default 900
   */
  durationSeconds?: number | undefined;
  /** External id the role's trust policy asks for. */
  externalId?: string | undefined;
  /**
   * Credentials that call STS AssumeRole.
   * @default the AWS SDK's default chain
   */
  masterCredentials?: CredentialsInput | undefined;
  /**
   * STS client configuration, e.g. `{ region: 'eu-central-1' }`, or `{ endpoint, region }` for a
   * custom STS endpoint (then `region` is required).
   * @default the SDK's defaults (region from AWS_REGION / the profile), with `requestHandler: { requestTimeout: 5000, connectionTimeout: 5000 }`
   */
  clientConfig?: AssumeRoleClientConfig | undefined;
}

/**
 * Credentials of an assumed IAM role, fetched from STS AssumeRole when first needed and again
 * before they expire (the signer memoizes them). Wraps `fromTemporaryCredentials` of
 * `@aws-sdk/credential-providers`, which is imported only when the credentials are first asked for.
 *
 * @param options - the role and how to assume it
 * @returns an `AwsCredentialIdentityProvider` to pass as `credentials`
 * @example
 * ```ts
 * import { createSigner, fromAssumeRole } from '@sigv4/core';
 * const signer = createSigner({
 *   region: 'eu-central-1',
 *   service: 'execute-api',
 *   credentials: fromAssumeRole({ roleArn: 'arn:aws:iam::123456789012:role/api-caller' }),
 * });
 * ```
 */
export function fromAssumeRole(options: AssumeRoleOptions): AwsCredentialIdentityProvider {
  if (
    typeof options !== 'object' ||
    options === null ||
    typeof options.roleArn !== 'string' ||
    !options.roleArn.startsWith('arn:')
  ) {
    throw new SigV4Error(
      'INVALID_OPTIONS',
      'fromAssumeRole needs `roleArn`, e.g. "arn:aws:iam::123456789012:role/api-caller".',
    );
  }
  const durationSeconds = options.durationSeconds ?? DEFAULT_ASSUME_ROLE_DURATION_SECONDS;
  if (!Number.isInteger(durationSeconds) || durationSeconds < 900 || durationSeconds > 43_200) {
    throw new SigV4Error(
      'INVALID_OPTIONS',
      `fromAssumeRole: \`durationSeconds\` must be a whole number from 900 to 43200.`,
    );
  }
  if (options.clientConfig?.endpoint !== undefined && options.clientConfig.region === undefined) {
    // Without it the SDK would sign for us-east-1, which a regional or local STS endpoint refuses.
    throw new SigV4Error(
      'INVALID_OPTIONS',
      'fromAssumeRole: `clientConfig.endpoint` is set but `clientConfig.region` is not: pass the region of that STS endpoint, e.g. `clientConfig: { endpoint, region: "eu-central-1" }`.',
    );
  }
  const params = {
    RoleArn: options.roleArn,
    RoleSessionName: options.roleSessionName ?? `sigv4-${Date.now()}`,
    DurationSeconds: durationSeconds,
    ...(options.externalId === undefined ? {} : { ExternalId: options.externalId }),
  };
  // The master credentials' secrets are listed for redaction: STS error text may quote them.
  const master = options.masterCredentials;
  let masterSeen: AwsCredentialIdentity | undefined;
  const masterCredentials: CredentialsInput | undefined =
    typeof master === 'function'
      ? async (properties) => {
          masterSeen = await master(properties);
          return masterSeen;
        }
      : master;
  if (typeof master === 'object' && master !== null) masterSeen = master;
  let provider: Promise<AwsCredentialIdentityProvider> | undefined;
  const load = async (): Promise<AwsCredentialIdentityProvider> => {
    const fromTemporaryCredentials = (await import('@aws-sdk/credential-providers'))
      .fromTemporaryCredentials as unknown as TemporaryCredentialsFactory;
    return fromTemporaryCredentials({
      params,
      ...(masterCredentials === undefined ? {} : { masterCredentials }),
      clientConfig: { requestHandler: ASSUME_ROLE_REQUEST_HANDLER, ...options.clientConfig },
    });
  };
  const assumeRole: ProviderWithSecrets = async () => {
    provider ??= load().catch((error: unknown) => {
      provider = undefined;
      throw error;
    });
    return (await provider)();
  };
  assumeRole[HANDED_SECRETS] = () => {
    try {
      return secretsOf(masterSeen);
    } catch {
      // Credentials whose fields cannot be read hold nothing to redact.
      return [];
    }
  };
  return assumeRole;
}
