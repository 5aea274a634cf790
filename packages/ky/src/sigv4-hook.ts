import { resolveSigner } from '@sigv4/core';
import { readHookCall, type HookCall } from './read-hook-call.js';
import { signKyRequest } from './sign-ky-request.js';
import type { SigV4Hook, SigV4HookOptions } from './types.js';

/**
 * Signs `request` for one hook call. `trusted` says that `request` is the one ky built from its
 * options (see `BodySource.trusted`).
 * @internal
 */
export type SignCall = (call: HookCall, request: Request, trusted: boolean) => Promise<Request>;

/**
 * The signing step shared by {@link sigv4Hook} and {@link withSigV4}.
 * @throws {@link SigV4Error} `INVALID_OPTIONS` when the options are invalid
 * @internal
 */
export function createSignCall(options: SigV4HookOptions): SignCall {
  const signer = resolveSigner(options);
  return (call, request, trusted) =>
    signKyRequest(signer, request, {
      hint: call.kyOptions?.body,
      // ky 1 wraps the body for upload progress: read what it would send.
      trusted: trusted && call.kyOptions?.onUploadProgress === undefined,
    });
}

/**
 * Returns a ky hook that signs each request with AWS SigV4 at send time.
 *
 * Register the same hook in `beforeRequest` and in `beforeRetry`, as the **last** hook of each:
 * ky 2 runs `beforeRequest` once per call and hands retries a copy of the request it sent, so
 * only `beforeRetry` can give a retry a fresh signature (ky 1 runs `beforeRequest` again for
 * each attempt; there the `beforeRetry` entry is harmless). Any change a later hook makes to
 * the URL, method, signed headers or body breaks the signature, and in ky 1 a hook that runs
 * before it and returns a `Request` stops the list, so the request would go out unsigned.
 * {@link withSigV4} takes care of both rules (and skips reading a clone of string/bytes bodies).
 *
 * The hook reads the body through `request.clone()` and returns a new `Request` with the signed
 * headers and the same body, signal and credentials, and redirect mode `'manual'` (a redirect
 * reaches ky as a 3xx answer instead of carrying the signing headers elsewhere). If signing fails, the ky call
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
  const signCall = createSignCall(options);
  return async (...args: unknown[]): Promise<Request> => {
    const call = readHookCall(args);
    // An earlier hook of the list may have replaced ky's request: always read a clone.
    return signCall(call, call.request, false);
  };
}
