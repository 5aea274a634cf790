/**
 * CREDENTIALS_MISSING message of the build without Node, which has no default credential chain.
 * A module of its own: it loads with the failure, not up front.
 * @internal
 */
export const NO_CREDENTIALS =
  'No AWS credentials: this build (browsers, Cloudflare Workers, React Native) has no default credential chain, so pass `credentials` to createSigner: in Workers { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } from secrets, in browsers a provider such as fromCognitoIdentityPool() from @aws-sdk/credential-providers.';
