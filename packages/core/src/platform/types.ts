import type { AssumeRoleClientConfig } from '../credentials/from-assume-role.js';
import type { AwsCredentialIdentityProvider, CredentialsInput } from '../types.js';

/** The part of the SDK's `fromTemporaryCredentials` that `fromAssumeRole` uses. @internal */
export type TemporaryCredentialsFactory = (options: {
  params: { RoleArn: string; RoleSessionName: string; DurationSeconds: number; ExternalId?: string };
  masterCredentials?: CredentialsInput;
  clientConfig?: AssumeRoleClientConfig;
}) => AwsCredentialIdentityProvider;
