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

/** Without Node there is no default credential chain; its message loads with the failure. @internal */
export async function loadDefaultCredentialProvider(): Promise<AwsCredentialIdentityProvider> {
  throw new SigV4Error('CREDENTIALS_MISSING', (await import('./messages.browser.js')).NO_CREDENTIALS);
}

/**
 * `fromAssumeRole` of the build without Node: it leaves the STS client out, so the provider fails on
 * first use with a pointer to the SDK's browser providers (options are not checked).
 * @internal
 */
export function fromAssumeRole(_options: AssumeRoleOptions): AwsCredentialIdentityProvider {
  return async () => {
    throw new SigV4Error('CREDENTIALS_PROVIDER_FAILED', (await import('./messages.browser.js')).NO_ASSUME_ROLE);
  };
}

/** Browsers drop forbidden headers in their own `Request`: always sign through one. @internal */
export const signPlainFetch = undefined;
