import type { PresignedFetchRequest } from '../request/presign-fetch-request.js';
import type { readClockSkew } from '../signer/read-clock-skew.js';
import type { Signer } from '../types.js';
import { lazy } from '../utils/lazy.js';
import type { readResponseSkew, sendMasked } from './adapter-kit.js';

/**
 * What the adapters run only for `signQuery` or after a refused answer, loaded by {@link loadAdapterKit}.
 * @internal
 */
export interface AdapterKit {
  readClockSkew: typeof readClockSkew;
  readResponseSkew: typeof readResponseSkew;
  sendMasked: typeof sendMasked;
  presignFetchRequest(
    signer: Signer,
    input: RequestInfo | URL,
    init: RequestInit | undefined,
    options: { expiresIn: number },
  ): Promise<PresignedFetchRequest>;
}

/**
 * Loads `readClockSkew` and `presignFetchRequest` for the adapters, on first use: code that calls this
 * instead of importing them leaves them out of what a browser loads up front.
 * @example
 * ```ts
 * const serverTime = (await loadAdapterKit()).readClockSkew(response.status, response.headers, text);
 * ```
 * @internal
 */
export const loadAdapterKit = /* @__PURE__ */ lazy((): Promise<AdapterKit> => import('./adapter-kit.js'));
