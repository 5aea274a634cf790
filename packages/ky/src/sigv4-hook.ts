import { resolveSigner, type Signer } from '@sigv4/core';
import { readHookCall } from './read-hook-call.js';
import { signKyRequest } from './sign-ky-request.js';
import type { SigV4Hook, SigV4HookOptions } from './types.js';

/**
 * Returns a ky hook that signs each request with AWS SigV4 at send time.
 *
 * Register the same hook in `beforeRequest` and in `beforeRetry`, as the **last** hook of each:
 * ky 2 runs `beforeRequest` once per call and hands retries a copy of the request it sent, so
 * only `beforeRetry` can give a retry a fresh signature (ky 1 runs `beforeRequest` again for
 * each attempt; there the `beforeRetry` entry is harmless). Any change a later hook makes to
 * the URL, method, signed headers or body breaks the signature, and in ky 1 a hook that runs
 * before it and returns a `Request` stops the list, so the request would go out unsigned.
 * {@link withSigV4} takes care of both rules.
 *
 * The hook reads the body through `request.clone()` and returns a new `Request` with the signed
 * headers and the same body, signal, credentials and redirect mode. If signing fails, the ky call
 * rejects with the {@link SigV4Error} and nothing is sent.
 *
 * @param options - `createSigner` options (`region`, `service`, `credentials`, `unsignedPayload`, ...) or `{ signer }`
 * @returns the hook, for `hooks.beforeRequest` and `hooks.beforeRetry`
 * @throws {@link SigV4Error} `INVALID_OPTIONS` at once when the options are invalid
 *
 * @example
 * ```ts
 * import ky from 'ky';
 * import { sigv4Hook } from '@sigv4/ky';
 *
 * const sign = sigv4Hook({ region: 'eu-central-1', service: 'execute-api' });
 * const api = ky.extend({ hooks: { beforeRequest: [sign], beforeRetry: [sign] } });
 * const items = await api.get('https://abc123.execute-api.eu-central-1.amazonaws.com/prod/items').json();
 * ```
 * @public
 */
export function sigv4Hook(options: SigV4HookOptions): SigV4Hook {
  const signer: Signer = resolveSigner(options);
  return async (...args: unknown[]): Promise<Request> => {
    const call = readHookCall(args);
    return signKyRequest(signer, call.request, call.kyOptions?.body);
  };
}
