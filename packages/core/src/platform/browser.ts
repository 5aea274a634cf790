/**
 * Browser platform: WebCrypto hashing (pure-JS fallback) and no default credentials.
 * Holds no Node built-in. Used by the `browser` build in place of `./node.ts`.
 * @internal
 */
import { SigV4Error } from '../errors/sigv4-error.js';
import type { AssumeRoleOptions } from '../credentials/from-assume-role.js';
import type { AwsCredentialIdentityProvider } from '../types.js';

export { WebSha256 as Sha256, hmacSha256Hex, sha256Hex } from '../hash/sha256-web.js';

/** CREDENTIALS_MISSING message: browsers have no default credential chain. @internal */
export const NO_CREDENTIALS = 'No AWS credentials: pass `credentials` to createSigner, e.g. fromCognitoIdentityPool() (browsers have no default chain).';

/** Browsers have no default credential chain. @internal */
export function loadDefaultCredentialProvider(): Promise<AwsCredentialIdentityProvider> {
  return Promise.reject(new SigV4Error('CREDENTIALS_MISSING', NO_CREDENTIALS));
}

/**
 * `fromAssumeRole` of the browser build: it leaves the STS client out, so the provider fails on first
 * use with a pointer to the SDK's browser providers (options are not checked).
 * @internal
 */
export function fromAssumeRole(_options: AssumeRoleOptions): AwsCredentialIdentityProvider {
  return () =>
    Promise.reject(
      new SigV4Error(
        'CREDENTIALS_PROVIDER_FAILED',
        'fromAssumeRole needs Node: in browsers pass fromTemporaryCredentials() or fromCognitoIdentityPool() as `credentials`.',
      ),
    );
}

