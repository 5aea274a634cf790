import { SigV4Error } from '../errors/sigv4-error.js';
import type { CredentialsInput, SignerOptions } from '../types.js';

/** Every option of {@link createSigner} with its default (`undefined`: decided per request). @internal */
export const DEFAULTS = {
  region: undefined,
  service: undefined,
  credentials: undefined,
  credentialsTimeout: 10_000,
  unsignedPayload: false,
  uriEscapePath: undefined,
  applyChecksum: undefined,
  now: (): number => Date.now(),
} as const satisfies Required<{ [K in keyof SignerOptions]: unknown }>;

/** Options after validation. @internal */
export interface ResolvedSignerOptions {
  readonly region: string | undefined;
  readonly service: string | undefined;
  /** Checked for shape only; static credentials are read when the signer makes its resolver. */
  readonly credentials: CredentialsInput | undefined;
  readonly credentialsTimeout: number;
  readonly unsignedPayload: boolean;
  readonly uriEscapePath: boolean | undefined;
  readonly applyChecksum: boolean | undefined;
  readonly now: () => Date | number;
}

/** The longest delay `setTimeout` keeps (2^31 - 1 ms); longer ones fire at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** The type of each option checked by `typeof` (credentials are checked on their own). */
const TYPES = {
  region: 'string',
  service: 'string',
  unsignedPayload: 'boolean',
  uriEscapePath: 'boolean',
  applyChecksum: 'boolean',
  now: 'function',
} as const;

/**
 * Validates {@link SignerOptions} and fills defaults. Nothing else reads raw options.
 * Unknown keys are ignored, so adapters can pass their own option objects through.
 * @internal
 */
export function normalizeOptions(options: SignerOptions | undefined): ResolvedSignerOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new SigV4Error('INVALID_OPTIONS', 'createSigner takes an options object, e.g. { region: "eu-central-1" }.');
  }
  const o = options ?? {};
  for (const [name, type] of Object.entries(TYPES)) {
    const value = o[name as keyof typeof TYPES];
    if (value !== undefined && typeof value !== type) {
      throw new SigV4Error('INVALID_OPTIONS', `createSigner: \`${name}\` must be a ${type}.`);
    }
  }
  for (const name of ['region', 'service'] as const) {
    if (o[name] === '')
      throw new SigV4Error(
        'INVALID_OPTIONS',
        `createSigner: \`${name}\` is empty: set it or leave it out to infer it from the URL.`,
      );
  }
  if (
    o.credentials !== undefined &&
    (o.credentials === null || (typeof o.credentials !== 'object' && typeof o.credentials !== 'function'))
  ) {
    throw new SigV4Error(
      'CREDENTIALS_INVALID',
      'createSigner: `credentials` must be { accessKeyId, secretAccessKey, sessionToken? } or a provider of it.',
    );
  }
  const timeout = o.credentialsTimeout;
  if (
    timeout !== undefined &&
    (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 1 || timeout > MAX_TIMEOUT_MS)
  ) {
    throw new SigV4Error(
      'INVALID_OPTIONS',
      `createSigner: \`credentialsTimeout\` must be whole milliseconds from 1 to ${MAX_TIMEOUT_MS}, e.g. 10000.`,
    );
  }
  return {
    region: o.region,
    service: o.service,
    credentials: o.credentials,
    credentialsTimeout: timeout ?? DEFAULTS.credentialsTimeout,
    unsignedPayload: o.unsignedPayload ?? DEFAULTS.unsignedPayload,
    uriEscapePath: o.uriEscapePath,
    applyChecksum: o.applyChecksum,
    now: o.now ?? DEFAULTS.now,
  };
}
