import type { PresignRequest } from '../types.js';
import { computePresignedQuery } from './compute-presign.js';
import type { Kit } from './kit.js';
import { buildPresignedUrl, withoutPresignParams } from './presigned-url.js';
import type { SigningTarget } from './resolve-target.js';
import type { SignerContext } from './signer-context.js';

/** S3 presigned URLs always sign UNSIGNED-PAYLOAD; other services' verifiers hash the body of a presigned request. */
const presignUnsigned = (target: SigningTarget): boolean => target.unsignedPresign;

/**
 * `signer.presign`: the request's URL with the `X-Amz-*` signature parameters.
 * Loaded on first use; takes what it needs from core as `kit` (see kit.ts).
 * @internal
 */
export async function presign(kit: Kit, context: SignerContext, request: PresignRequest): Promise<string> {
  const input = await kit.readRequest(request, 'presign');
  const { MAX_PRESIGN_EXPIRES_IN } = kit;
  const expiresIn = (request as { expiresIn?: unknown }).expiresIn ?? kit.DEFAULT_PRESIGN_EXPIRES_IN;
  if (
    typeof expiresIn !== 'number' ||
    !Number.isInteger(expiresIn) ||
    expiresIn < 1 ||
    expiresIn > MAX_PRESIGN_EXPIRES_IN
  ) {
    throw new kit.SigV4Error(
      'INVALID_OPTIONS',
      `presign: \`expiresIn\` must be whole seconds from 1 to ${MAX_PRESIGN_EXPIRES_IN} (7 days).`,
    );
  }
  const { prepared, target } = await context.prepare(input, presignUnsigned).catch((error: unknown) => {
    // Only S3 presigned URLs may sign UNSIGNED-PAYLOAD (botocore's S3SigV4QueryAuth); other
    // verifiers hash the body, so a body that cannot be hashed cannot be presigned for them.
    if (context.unsignedPayload && kit.isSigV4Error(error) && error.code === 'UNSUPPORTED_BODY') {
      throw new kit.SigV4Error(
        'UNSUPPORTED_BODY',
        'presign: only S3 links may leave the payload unsigned; pass the body as a string or bytes, or none.',
        { cause: error },
      );
    }
    throw error;
  });
  const smithyRequest = prepared.smithy;
  const url = withoutPresignParams(kit, prepared.url.href, smithyRequest.wireQuery);
  smithyRequest.wireQuery = url.query;
  const keepOut = new Set<string>();
  if (smithyRequest.headers[kit.CONTENT_SHA256_HEADER] === kit.UNSIGNED_PAYLOAD) keepOut.add(kit.CONTENT_SHA256_HEADER);
  const identity = await context.credentials();
  const query = await computePresignedQuery(
    kit,
    context.smithyFor(target),
    smithyRequest,
    target,
    identity,
    context.signingDate(),
    { expiresIn, keepOut },
  );
  return buildPresignedUrl(kit, url.href, query);
}
