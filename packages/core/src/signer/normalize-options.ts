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

/** Where the options are documented: messages name the option and point here. */
const OPTIONS_DOCS = 'https://github.com/sigv4/sigv4/tree/main/packages/core#options';

/** The `typeof` of each option (strings must also be non-empty). */
const TYPES = {
  region: 'string',
  service: 'string',
  unsignedPayload: 'boolean',
  uriEscapePath: 'boolean',
  applyChecksum: 'boolean',
  now: 'function',
} as const;

const invalid = (name: string, what: string): SigV4Error =>
  new SigV4Error(
    name === 'credentials' ? 'CREDENTIALS_INVALID' : 'INVALID_OPTIONS',
    `createSigner: \`${name}\` must be ${what}; see ${OPTIONS_DOCS}`,
  );

/**
 * Validates {@link SignerOptions} and fills defaults. Nothing else reads raw options.
 * Unknown keys are ignored, so adapters can pass their own option objects through.
 * @internal
 */
export function normalizeOptions(options: SignerOptions | undefined): ResolvedSignerOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw invalid('options', 'an object, e.g. { region: "eu-central-1" }');
  }
  const o = options ?? {};
  for (const [name, type] of Object.entries(TYPES)) {
    const value = o[name as keyof typeof TYPES];
    if (value !== undefined && (typeof value !== type || value === '')) {
      throw invalid(name, `a${type === 'string' ? ' non-empty' : ''} ${type}`);
    }
  }
  const { credentials, credentialsTimeout } = o;
  if (credentials !== undefined && (credentials === null || !/^[of]/.test(typeof credentials))) {
    throw invalid('credentials', '{ accessKeyId, secretAccessKey, sessionToken? } or a provider of it');
  }
  if (
    credentialsTimeout !== undefined &&
    !(Number.isInteger(credentialsTimeout) && credentialsTimeout >= 1 && credentialsTimeout <= MAX_TIMEOUT_MS)
  ) {
    throw invalid('credentialsTimeout', `whole milliseconds from 1 to ${MAX_TIMEOUT_MS}, e.g. 10000`);
  }
  // Options left `undefined` take their default; unknown keys ride along unread.
  const given = Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined));
  return { ...DEFAULTS, ...given } as ResolvedSignerOptions;
}
