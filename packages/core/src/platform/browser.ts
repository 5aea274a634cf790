/**
 * Platform of the build without Node (browsers, Workers, React Native): WebCrypto hashing (pure-JS
 * fallback) and no default credentials. Holds no Node built-in. Used by the `browser` build (the
 * `browser`, `workerd`, `worker` and `react-native` export conditions) in place of `./node.ts`.
 * @internal
 */

import type { AssumeRoleOptions } from '../credentials/from-assume-role.js';
import { SigV4Error } from '../errors/sigv4-error.js';
import type { AwsCredentialIdentityProvider } from '../types.js';

export { hmacSha256Hex, sha256Hex, WebSha256 as Sha256 } from '../hash/sha256-web.js';

/** CREDENTIALS_MISSING message: without Node there is no default credential chain. @internal */
export const NO_CREDENTIALS =
  'No AWS credentials: this build (browsers, Cloudflare Workers, React Native) has no default credential chain, so pass `credentials` to createSigner: in Workers { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } from secrets, in browsers a provider such as fromCognitoIdentityPool() from @aws-sdk/credential-providers.';

/** Without Node there is no default credential chain. @internal */
export function loadDefaultCredentialProvider(): Promise<AwsCredentialIdentityProvider> {
  return Promise.reject(new SigV4Error('CREDENTIALS_MISSING', NO_CREDENTIALS));
}

/**
 * `fromAssumeRole` of the build without Node: it leaves the STS client out, so the provider fails on
 * first use with a pointer to the SDK's browser providers (options are not checked).
 * @internal
 */
export function fromAssumeRole(_options: AssumeRoleOptions): AwsCredentialIdentityProvider {
  return () =>
    Promise.reject(
      new SigV4Error(
        'CREDENTIALS_PROVIDER_FAILED',
        'fromAssumeRole needs Node (the AWS SDK STS client): in browsers pass fromCognitoIdentityPool() or fromTemporaryCredentials() from @aws-sdk/credential-providers as `credentials`; in Workers pass keys from secrets on `env`.',
      ),
    );
}

/** Browsers drop forbidden headers in their own `Request`: always sign through one. @internal */
export const signPlainFetch = undefined;
