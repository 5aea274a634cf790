/**
 * Node.js platform: native hashing and the AWS SDK's Node default credential chain.
 * The browser build swaps this module for `./browser.ts` (see tsup.config.ts).
 * @internal
 */
import type { AwsCredentialIdentityProvider } from '../types.js';
import type { TemporaryCredentialsFactory } from './types.js';

export { NodeSha256 as Sha256, hmacSha256Hex, sha256Hex } from '../hash/sha256-node.js';

/** Loads `fromNodeProviderChain` on first use, so importing the signer stays cheap. @internal */
export async function loadDefaultCredentialProvider(): Promise<AwsCredentialIdentityProvider> {
  const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
  return fromNodeProviderChain() as AwsCredentialIdentityProvider;
}

/** Loads the SDK's `fromTemporaryCredentials` on first use (for `fromAssumeRole`). @internal */
export async function loadTemporaryCredentials(): Promise<TemporaryCredentialsFactory> {
  const { fromTemporaryCredentials } = await import('@aws-sdk/credential-providers');
  return fromTemporaryCredentials as unknown as TemporaryCredentialsFactory;
}

