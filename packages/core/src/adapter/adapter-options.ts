import { DEFAULT_PRESIGN_EXPIRES_IN, MAX_PRESIGN_EXPIRES_IN } from '../constants.js';
import { SigV4Error } from '../errors/sigv4-error.js';

/**
 * What the three adapters (`@sigv4/axios`, `@sigv4/ky`, `@sigv4/fetch`) do besides signing; given
 * next to the signer options or `{ signer }`.
 *
 * @example
 * ```ts
 * const options: SigV4AdapterOptions = { correctClockSkew: false, signQuery: { expiresIn: 60 } };
 * ```
 * @public
 */
export interface SigV4AdapterOptions {
  /**
   * When AWS refuses a request because the signing time is off, set the signer's clock from the
   * server's time and send the request once more, re-signed (not for a body sent unread, such as a stream).
   * @default true
   */
  correctClockSkew?: boolean | undefined;
  /**
   * Send each request presigned (signature in the query string, `X-Amz-*` parameters) instead of
   * in the `Authorization` header; `expiresIn` in seconds, at most 604800.
   * @default false
   */
  signQuery?: boolean | { expiresIn?: number | undefined } | undefined;
}

/** {@link SigV4AdapterOptions} with their defaults, as {@link normalizeAdapterOptions} returns them. @public */
export interface ResolvedAdapterOptions {
  correctClockSkew: boolean;
  /** Seconds a presigned request stays valid, or `undefined` to sign headers. */
  signQuery: { expiresIn: number } | undefined;
}

/** Where the adapter options are documented. */
const ADAPTER_DOCS = 'https://github.com/sigv4/sigv4/tree/main/packages/core#adapter-options';

/** Every adapter option with its default. @internal */
export const ADAPTER_DEFAULTS = { correctClockSkew: true, signQuery: false } as const;

/**
 * Checks the adapter options and fills in their defaults; for adapters, as {@link resolveSigner} is.
 * @throws {@link SigV4Error} `INVALID_OPTIONS` for a value of the wrong type or range
 * @example
 * ```ts
 * const { correctClockSkew, signQuery } = normalizeAdapterOptions({ signQuery: true });
 * ```
 * @public
 */
export function normalizeAdapterOptions(options: SigV4AdapterOptions | undefined): ResolvedAdapterOptions {
  const correct = options?.correctClockSkew ?? ADAPTER_DEFAULTS.correctClockSkew;
  const query = options?.signQuery ?? ADAPTER_DEFAULTS.signQuery;
  const expiresIn = (query as { expiresIn?: number }).expiresIn ?? DEFAULT_PRESIGN_EXPIRES_IN;
  if (
    typeof correct !== 'boolean' ||
    !/^(?:boolean|object)$/.test(typeof query) ||
    !Number.isInteger(expiresIn) ||
    !(expiresIn >= 1 && expiresIn <= MAX_PRESIGN_EXPIRES_IN)
  ) {
    throw new SigV4Error('INVALID_OPTIONS', `\`correctClockSkew\` or \`signQuery\` is wrong; see ${ADAPTER_DOCS}`);
  }
  return { correctClockSkew: correct, signQuery: query === false ? undefined : { expiresIn } };
}
