import type { KyInstance, Options } from 'ky';
import ky2 from 'ky';
import ky1 from 'ky1';

/**
 * The two ky majors every test runs against. Tests drive both through ky 2's types:
 * the call surface they use (`get`/`post`/..., `extend`, `create`) is the same, and
 * `base` spells the one option that was renamed (ky 1 `prefixUrl`, ky 2 `prefix`).
 */
export interface KyVersion {
  readonly name: string;
  readonly major: 1 | 2;
  readonly ky: KyInstance;
  /** Options that make `input` relative to `url`. */
  base(url: string): Options;
}

export const KY_VERSIONS: readonly KyVersion[] = [
  { name: 'ky 2', major: 2, ky: ky2, base: (url) => ({ prefix: url }) },
  { name: 'ky 1', major: 1, ky: ky1 as unknown as KyInstance, base: (url) => ({ prefixUrl: url }) as Options },
];
