/**
 * Browser platform: WebCrypto hashing (pure-JS fallback) and no default credentials.
 * Holds no Node built-in. Used by the `browser` build in place of `./node.ts`.
 * @internal
 */
import { SigV4Error } from '../errors/sigv4-error.js';
import type { AwsCredentialIdentityProvider } from '../types.js';
import type { TemporaryCredentialsFactory } from './types.js';

export { WebSha256 as Sha256, hmacSha256Hex, sha256Hex } from '../hash/sha256-web.js';

/** Browsers have no default credential chain. @internal */
export function loadDefaultCredentialProvider(): Promise<AwsCredentialIdentityProvider> {
  return Promise.reject(
    new SigV4Error(
      'CREDENTIALS_MISSING',
      'No AWS credentials: in a browser pass `credentials` to createSigner (e.g. a provider like fromCognitoIdentityPool() from @aws-sdk/credential-providers); there is no default chain.',
    ),
  );
}

/**
 * The browser build leaves the STS client out: `fromAssumeRole` fails with a pointer to the SDK.
 * @internal
 */
export function loadTemporaryCredentials(): Promise<TemporaryCredentialsFactory> {
  return Promise.reject(
    new SigV4Error(
      'CREDENTIALS_PROVIDER_FAILED',
      'fromAssumeRole is not part of the browser build of @sigv4/core: use fromTemporaryCredentials or fromCognitoIdentityPool from @aws-sdk/credential-providers and pass it as `credentials`.',
    ),
  );
}

