/**
 * Messages of the build without Node about what it leaves out (the default credential chain, STS).
 * A module of its own: it loads with the failure, not up front.
 * @internal
 */

/** CREDENTIALS_MISSING: without Node there is no default credential chain. @internal */
export const NO_CREDENTIALS =
  'No AWS credentials: this build (browsers, Cloudflare Workers, React Native) has no default credential chain, so pass `credentials` to createSigner: in Workers { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } from secrets, in browsers a provider such as fromCognitoIdentityPool() from @aws-sdk/credential-providers.';

/** CREDENTIALS_PROVIDER_FAILED of `fromAssumeRole`: without Node there is no STS client. @internal */
export const NO_ASSUME_ROLE =
  'fromAssumeRole needs Node (the AWS SDK STS client): in browsers pass fromCognitoIdentityPool() or fromTemporaryCredentials() from @aws-sdk/credential-providers as `credentials`; in Workers pass keys from secrets on `env`.';
