/**
 * Node.js platform: native hashing, the AWS SDK's Node default credential chain and fromAssumeRole (STS).
 * The browser build swaps this module for `./browser.ts` (see tsup.config.ts).
 * @internal
 */
import { SigV4Error } from '../errors/sigv4-error.js';
import type { AwsCredentialIdentityProvider } from '../types.js';

export { fromAssumeRole } from '../credentials/from-assume-role.js';

export { hmacSha256Hex, NodeSha256 as Sha256, sha256Hex } from '../hash/sha256-node.js';

/** CREDENTIALS_MISSING message when no credentials were given and the default chain found none. @internal */
export const NO_CREDENTIALS =
  'No AWS credentials found: pass `credentials` to createSigner (e.g. { accessKeyId, secretAccessKey } or a provider like fromIni() or fromAssumeRole()), or make them available to the AWS SDK default chain (AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY, AWS_PROFILE, SSO, web identity, ECS or EC2 role).';

/**
 * The AWS SDK's Node default chain, loaded on first use so importing the signer stays cheap; when it
 * finds no credentials (or cannot load) it fails with `CREDENTIALS_MISSING` and the reason as `cause`.
 * @internal
 */
export async function loadDefaultCredentialProvider(): Promise<AwsCredentialIdentityProvider> {
  let chain: AwsCredentialIdentityProvider | undefined;
  return async (properties) => {
    try {
      chain ??= (
        await import('@aws-sdk/credential-providers')
      ).fromNodeProviderChain() as AwsCredentialIdentityProvider;
      return await chain(properties);
    } catch (cause) {
      throw new SigV4Error('CREDENTIALS_MISSING', NO_CREDENTIALS, { cause });
    }
  };
}

/** Node's fetch takes a URL and an init as they are: signing them needs no `Request`. @internal */
export { signPlainFetch } from '../request/sign-plain-fetch.js';
