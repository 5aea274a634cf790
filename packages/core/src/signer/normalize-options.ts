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

/**
 * What each option must be, as its message says; each names the `typeof`s it takes (static credentials are
 * checked in full when the signer reads them).
 */
const EXPECTED: Record<keyof typeof DEFAULTS, string> = {
  region: 'a non-empty string',
  service: 'a non-empty string',
  credentials: 'an object with non-empty `accessKeyId` and `secretAccessKey` strings, or a provider function',
  credentialsTimeout: `a whole number of ms from 1 to ${MAX_TIMEOUT_MS}`,
  unsignedPayload: 'a boolean',
  uriEscapePath: 'a boolean',
  applyChecksum: 'a boolean',
  now: 'a function',
};

/** Where the options are documented: messages name the option and point here. */
const OPTIONS_DOCS = 'https://github.com/sigv4/sigv4/tree/main/packages/core#options';

/**
 * The error of an option that is not what it must be: `INVALID_OPTIONS` (`CREDENTIALS_INVALID` for
 * `credentials`), naming the option, what it must be and where it is documented.
 * @internal
 */
export const invalidOption = (name: keyof typeof EXPECTED | 'options'): SigV4Error =>
  new SigV4Error(
    name === 'credentials' ? 'CREDENTIALS_INVALID' : 'INVALID_OPTIONS',
    `createSigner: \`${name}\` must be ${name === 'options' ? 'an object' : EXPECTED[name]}; see ${OPTIONS_DOCS}`,
  );

/**
 * Validates {@link SignerOptions} and fills defaults. Nothing else reads raw options.
 * Unknown keys are ignored, so adapters can pass their own option objects through.
 * @internal
 */
export function normalizeOptions(options: SignerOptions | undefined): ResolvedSignerOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null)) throw invalidOption('options');
  const resolved: Record<string, unknown> = { ...DEFAULTS };
  for (const name in EXPECTED) {
    const key = name as keyof typeof EXPECTED;
    const value = options?.[key];
    if (value === undefined) continue;
    if (
      !EXPECTED[key].includes(typeof value) ||
      value === '' ||
      value === null ||
      (key === 'credentialsTimeout' &&
        !(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_TIMEOUT_MS))
    ) {
      throw invalidOption(key);
    }
    resolved[key] = value;
  }
  return resolved as unknown as ResolvedSignerOptions;
}
