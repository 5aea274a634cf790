import { createCredentialsResolver } from '../credentials/resolve-credentials.js';
import { SigV4Error } from '../errors/sigv4-error.js';
import { loadDefaultCredentialProvider, Sha256 } from '../platform/node.js';
import type { Signer, SignerOptions } from '../types.js';
import { lazy } from '../utils/lazy.js';
import { toServerTime, toTime } from './clock-skew.js';
import { computeSignature } from './compute-signature.js';
import { KIT } from './kit.js';
import { normalizeOptions } from './normalize-options.js';
import { prepareRequest, signedHeaders } from './prepare-request.js';
import { readRequest } from './read-request.js';
import { createTargetResolver, type SigningTarget } from './resolve-target.js';
import type { SignerContext } from './signer-context.js';
import { createSmithySigner, type SmithySigner } from './smithy-signer.js';

/** `presign` and `explain`, loaded on first use. */
const loadPresign = /* @__PURE__ */ lazy(() => import('./presign.js'));
const loadExplain = /* @__PURE__ */ lazy(() => import('./explain.js'));

/**
 * Creates a SigV4 signer. Reuse it: credentials, signing keys and smithy signers are cached inside.
 * `presign` and `explain` load their code on first use, so a page that only signs never downloads it.
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
  // One per target: the targets of inferred hosts are cached (and bounded) by the target resolver.
  const smithySigners = new WeakMap<SigningTarget, SmithySigner>();
  let clockOffset = 0;

  const localNow = (): number => toTime(resolved.now(), 'createSigner: what `now()` returns');
  // The signer's clock: its `now()` corrected by the clock offset.
  const now = (): number => localNow() + clockOffset;
  const credentials = createCredentialsResolver(resolved.credentials, loadDefaultCredentialProvider, {
    now,
    timeoutMs: resolved.credentialsTimeout,
  });
  const smithyFor = (target: SigningTarget): SmithySigner => {
    let signer = smithySigners.get(target);
    if (!signer) {
      signer = createSmithySigner(target, Sha256);
      smithySigners.set(target, signer);
    }
    return signer;
  };

  const context: SignerContext = {
    unsignedPayload: resolved.unsignedPayload,
    prepare: (input, unsignedPayload) => prepareRequest(input, resolveTarget, unsignedPayload),
    smithyFor,
    credentials,
    signingDate: () => new Date(now()),
  };

  /** Runs a public operation; whatever it throws leaves as a SigV4Error without secrets. */
  const guard = async <T>(operation: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      // Loaded on the first failure only: signing that succeeds never needs the wording and redaction code.
      const words = await import('../errors/to-safe-error.js').catch((cause: unknown) => {
        // The original error may hold secrets and cannot be checked without that code: it is dropped.
        throw new SigV4Error('SIGNING_FAILED', `${operation}() failed, and its error details did not load.`, { cause });
      });
      throw words.toSafeError(KIT, error, operation, credentials.secrets());
    }
  };

  return {
    sign: (request) =>
      guard('sign', async () => {
        const { prepared, target } = await prepareRequest(
          await readRequest(request, 'sign'),
          resolveTarget,
          resolved.unsignedPayload,
        );
        const identity = await credentials();
        const parts = await computeSignature(smithyFor(target), prepared.smithy, target, identity, new Date(now()));
        const headers = signedHeaders(prepared, parts.added, parts.authorization);
        return { method: prepared.method, url: prepared.url.href, headers, body: prepared.body.send };
      }),
    presign: (request) => guard('presign', async () => (await loadPresign()).presign(KIT, context, request)),
    explain: (request) => guard('explain', async () => (await loadExplain()).explain(KIT, context, request)),
    correctClockSkew(serverDate) {
      clockOffset = toServerTime(serverDate) - localNow();
      return clockOffset;
    },
    get clockOffset() {
      return clockOffset;
    },
    set clockOffset(value: number) {
      clockOffset = toTime(value, '`clockOffset`', true);
    },
  };
}
