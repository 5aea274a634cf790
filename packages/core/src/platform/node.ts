/**
 * Node.js platform: native hashing, the AWS SDK's Node default credential chain and fromAssumeRole (STS).
 * The browser build swaps this module for `./browser.ts` (see tsup.config.ts).
 * @internal
 */
import type { AwsCredentialIdentityProvider } from '../types.js';

export { fromAssumeRole } from '../credentials/from-assume-role.js';

export { hmacSha256Hex, NodeSha256 as Sha256, sha256Hex } from '../hash/sha256-node.js';

/** CREDENTIALS_MISSING message when no credentials were given and the default chain found none. @internal */
export const NO_CREDENTIALS =
  'No AWS credentials found: pass `credentials` to createSigner (e.g. { accessKeyId, secretAccessKey } or a provider like fromIni() or fromAssumeRole()), or make them available to the AWS SDK default chain (AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY, AWS_PROFILE, SSO, web identity, ECS or EC2 role).';

/** Loads `fromNodeProviderChain` on first use, so importing the signer stays cheap. @internal */
export async function loadDefaultCredentialProvider(): Promise<AwsCredentialIdentityProvider> {
  const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
  return fromNodeProviderChain() as AwsCredentialIdentityProvider;
}

/** Node's fetch takes a URL and an init as they are: signing them needs no `Request`. @internal */
export { signPlainFetch } from '../request/sign-plain-fetch.js';
