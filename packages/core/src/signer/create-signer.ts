import {
  CONTENT_SHA256_HEADER,
  DEFAULT_PRESIGN_EXPIRES_IN,
  MAX_PRESIGN_EXPIRES_IN,
  UNSIGNED_PAYLOAD,
} from '../constants.js';
import { createCredentialsResolver } from '../credentials/resolve-credentials.js';
import { isSigV4Error, SigV4Error } from '../errors/sigv4-error.js';
import { toSafeError } from '../errors/to-safe-error.js';
import { loadDefaultCredentialProvider, Sha256 } from '../platform/node.js';
import type {
  PresignRequest,
  SignableRequest,
  SignedRequest,
  Signer,
  SignerOptions,
  SigningExplanation,
} from '../types.js';
import { createLruCache } from '../utils/lru-cache.js';
import { redactCanonicalRequest } from '../utils/redact.js';
import { toServerTime } from './clock-skew.js';
import { computePresignedQuery } from './compute-presign.js';
import { computeSignature } from './compute-signature.js';
import { normalizeOptions } from './normalize-options.js';
import { prepareRequest, signedHeaders } from './prepare-request.js';
import { buildPresignedUrl, withoutPresignParams } from './presigned-url.js';
import { readRequest } from './read-request.js';
import { createTargetResolver, type SigningTarget } from './resolve-target.js';
import { createSmithySigner, type SmithySigner } from './smithy-signer.js';

/** How many smithy signers (one per region, service and signing rules) a signer keeps. @internal */
export const SMITHY_SIGNER_CACHE_SIZE = 64;

/**
 * Creates a SigV4 signer. Reuse it: credentials, signing keys and smithy signers are cached inside.
 *
 * @param options - region, service, credentials and signing rules; all optional
 * @returns a {@link Signer} with `sign`, `presign`, `explain` and clock-skew correction
 * @example
 * ```ts
 * import { createSigner } from '@sigv4/core';
 * const signer = createSigner({ region: 'eu-central-1', service: 'execute-api' });
 * const { url, method, headers, body } = await signer.sign({
 *   method: 'POST',
 *   url: 'https://abc123.execute-api.eu-central-1.amazonaws.com/prod/items',
 *   headers: { 'content-type': 'application/json' },
 *   body: JSON.stringify({ name: 'x' }),
 * });
 * await fetch(url, { method, headers, body });
 * ```
 */
export function createSigner(options: SignerOptions = {}): Signer {
  const resolved = normalizeOptions(options);
  const resolveTarget = createTargetResolver(resolved);
  // Bounded: a signer that infers many services from many hosts keeps only the recent ones.
  const smithySigners = createLruCache<string, SmithySigner>(SMITHY_SIGNER_CACHE_SIZE);
  let clockOffset = 0;

  const smithyFor = (target: SigningTarget): SmithySigner => {
    const key = `${target.region}\n${target.service}\n${target.uriEscapePath}\n${target.applyChecksum}`;
    let signer = smithySigners.get(key);
    if (!signer) {
      signer = createSmithySigner(target, Sha256);
      smithySigners.set(key, signer);
    }
    return signer;
  };

  const localNow = (): number => {
    const value = resolved.now();
    const time = value instanceof Date ? value.getTime() : value;
    if (typeof time !== 'number' || !Number.isFinite(time)) {
      throw new SigV4Error('INVALID_OPTIONS', 'createSigner: `now()` must return a Date or epoch milliseconds.');
    }
    return time;
  };
  const signingDate = (): Date => new Date(localNow() + clockOffset);
  const credentials = createCredentialsResolver(resolved.credentials, loadDefaultCredentialProvider, {
    now: () => localNow() + clockOffset,
    timeoutMs: resolved.credentialsTimeout,
  });

  /** Runs a public operation; whatever it throws leaves as a SigV4Error without secrets. */
  const guard = async <T>(operation: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toSafeError(error, operation, credentials.secrets());
    }
  };

  const sign = (request: SignableRequest): Promise<SignedRequest> =>
    guard('sign', async () => {
      const { prepared, target } = await prepareRequest(
        readRequest(request, 'sign'),
        resolveTarget,
        resolved.unsignedPayload,
      );
      const identity = await credentials();
      const parts = await computeSignature(smithyFor(target), prepared.smithy, target, identity, signingDate());
      const headers = signedHeaders(prepared, parts.added, parts.authorization);
      return { method: prepared.method, url: prepared.url.href, headers, body: prepared.body.send };
    });

  /** S3 presigned URLs always sign UNSIGNED-PAYLOAD; other services' verifiers hash the body of a presigned request. */
  const presignUnsigned = (target: SigningTarget): boolean => target.unsignedPresign;

  const presign = (request: PresignRequest): Promise<string> =>
    guard('presign', async () => {
      const input = readRequest(request, 'presign');
      const expiresIn = (request as { expiresIn?: unknown }).expiresIn ?? DEFAULT_PRESIGN_EXPIRES_IN;
      if (
        typeof expiresIn !== 'number' ||
        !Number.isInteger(expiresIn) ||
        expiresIn < 1 ||
        expiresIn > MAX_PRESIGN_EXPIRES_IN
      ) {
        throw new SigV4Error(
          'INVALID_OPTIONS',
          `presign: \`expiresIn\` must be whole seconds from 1 to ${MAX_PRESIGN_EXPIRES_IN} (7 days).`,
        );
      }
      const { prepared, target } = await prepareRequest(input, resolveTarget, presignUnsigned).catch(
        (error: unknown) => {
          // Only S3 presigned URLs may sign UNSIGNED-PAYLOAD (botocore's S3SigV4QueryAuth); other
          // verifiers hash the body, so a body that cannot be hashed cannot be presigned for them.
          if (resolved.unsignedPayload && isSigV4Error(error) && error.code === 'UNSUPPORTED_BODY') {
            throw new SigV4Error(
              'UNSUPPORTED_BODY',
              'presign: only S3 links may leave the payload unsigned; pass the body as a string or bytes, or none.',
              { cause: error },
            );
          }
          throw error;
        },
      );
      const smithyRequest = prepared.smithy;
      const url = withoutPresignParams(prepared.url.href, smithyRequest.wireQuery);
      smithyRequest.wireQuery = url.query;
      const keepOut = new Set<string>();
      if (smithyRequest.headers[CONTENT_SHA256_HEADER] === UNSIGNED_PAYLOAD) keepOut.add(CONTENT_SHA256_HEADER);
      const identity = await credentials();
      const query = await computePresignedQuery(smithyFor(target), smithyRequest, target, identity, signingDate(), {
        expiresIn,
        keepOut,
      });
      return buildPresignedUrl(url.href, query);
    });

  const explain = (request: SignableRequest): Promise<SigningExplanation> =>
    guard('explain', async () => {
      const { prepared, target } = await prepareRequest(
        readRequest(request, 'explain'),
        resolveTarget,
        resolved.unsignedPayload,
      );
      const identity = await credentials();
      const parts = await computeSignature(smithyFor(target), prepared.smithy, target, identity, signingDate());
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
    });

  const signer: Signer = {
    sign,
    presign,
    explain,
    correctClockSkew(serverDate) {
      clockOffset = toServerTime(serverDate) - localNow();
      return clockOffset;
    },
    get clockOffset() {
      return clockOffset;
    },
    set clockOffset(value: number) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new SigV4Error('INVALID_OPTIONS', '`clockOffset` must be a finite number of milliseconds.');
      }
      clockOffset = value;
    },
  };
  return signer;
}
