import type { BrowserBundle, BundleSize } from './bundle.mjs';

/** Gzip budget for every export of `@sigv4/core` + `@sigv4/fetch`: 9 KB. */
export declare const CORE_FETCH_BUDGET: number;
/** What every export of core + fetch reached, plus a little room: its check until the 9 KB budget is met again. */
export declare const CORE_FETCH_REACHED: number;
/** Gzip budget for what `createSignedFetch({ region, service, credentials: provider })` loads up front: 6 KB. */
export declare const SIGNED_FETCH_BUDGET: number;
/** What that bundle reached, plus a little room: its check until the budget is met. */
export declare const SIGNED_FETCH_REACHED: number;
/** Gzip budget for each adapter's own code on top of `@sigv4/core`: 1 KB. */
export declare const ADAPTER_OVER_CORE_BUDGET: number;

/** A measured entry: every export of the listed packages (or, `signedFetch`, one signed fetch), peer client external. */
export interface SizeTarget {
  label: string;
  contents: string;
  external: string[];
}
export type SizeTargetName = 'core' | 'fetch' | 'signedFetch' | 'ky' | 'axios';
export declare const SIZE_TARGETS: Record<SizeTargetName, SizeTarget>;

/** A measured target. */
export interface MeasuredTarget {
  name: SizeTargetName;
  label: string;
  bundle: BrowserBundle;
  size: BundleSize;
}

export declare function measureTarget(name: SizeTargetName): Promise<MeasuredTarget>;
export declare function formatKB(bytes: number): string;
/** `node_modules/@scope/name/x.js` -> `@scope/name`; `packages/core/src/x.ts` -> `@sigv4/core`. */
export declare function packageOf(path: string): string;
/** Minified bytes per package, largest first. */
export declare function sizeByPackage(size: BundleSize): Array<{ name: string; bytes: number }>;
export declare function describeSize(measured: MeasuredTarget, top?: number): string;
/** The "Bundle size" README section of one package. */
export declare function readmeSection(name: SizeTargetName, measured: Record<SizeTargetName, MeasuredTarget>): string;
/** Writes the section into each existing package README (between its markers; appended if absent); returns the paths written. */
export declare function writeReadmes(measured: Record<SizeTargetName, MeasuredTarget>): string[];
