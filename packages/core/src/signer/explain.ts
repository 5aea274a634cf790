import type { SignableRequest, SigningExplanation } from '../types.js';
import { redactCanonicalRequest } from '../utils/redact.js';
import type { Kit } from './kit.js';
import type { SignerContext } from './signer-context.js';

/**
 * `signer.explain`: what `sign` would sign, step by step, with the session token masked.
 * Loaded on first use; takes what it needs from core as `kit` (see kit.ts).
 * @internal
 */
export async function explain(kit: Kit, context: SignerContext, request: SignableRequest): Promise<SigningExplanation> {
  const { prepared, target } = await context.prepare(
    await kit.readRequest(request, 'explain'),
    context.unsignedPayload,
  );
  const identity = await context.credentials();
  const parts = await kit.computeSignature(
    context.smithyFor(target),
    prepared.smithy,
    target,
    identity,
    context.signingDate(),
  );
  return {
    canonicalRequest: redactCanonicalRequest(parts.canonicalRequest),
    stringToSign: parts.stringToSign,
    signature: parts.signature,
    credentialScope: parts.credentialScope,
    signedHeaders: parts.signedHeaders,
    accessKeyId: identity.accessKeyId,
    region: target.region,
    service: target.service,
    signingDate: parts.longDate,
  };
}
