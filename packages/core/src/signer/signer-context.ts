import type { CredentialsResolver } from '../credentials/resolve-credentials.js';
import type { PreparedRequest } from './prepare-request.js';
import type { ReadRequest } from './read-request.js';
import type { SigningTarget } from './resolve-target.js';
import type { SmithySigner } from './smithy-signer.js';

/**
 * What a signer's operations share: `sign` lives in `createSigner`, `presign` and `explain` in modules
 * of their own, loaded on first use, that receive this.
 * @internal
 */
export interface SignerContext {
  /** The signer's `unsignedPayload` option. */
  readonly unsignedPayload: boolean;
  /** URL, target, headers and body of a request read by `readRequest`, ready for smithy. */
  prepare(
    input: ReadRequest,
    unsignedPayload: boolean | ((target: SigningTarget) => boolean),
  ): Promise<{ prepared: PreparedRequest; target: SigningTarget }>;
  /** The (cached) smithy signer of a target. */
  smithyFor(target: SigningTarget): SmithySigner;
  readonly credentials: CredentialsResolver;
  /** The signer's clock plus its clock offset. */
  signingDate(): Date;
}
