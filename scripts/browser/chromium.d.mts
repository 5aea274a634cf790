import type { Browser } from 'playwright-core';

/** Debian's `chromium` package (`apt-get install -y chromium`); SIGV4_CHROMIUM_PATH overrides it. */
export declare const CHROMIUM_PATH: string;
/** True when the Debian Chromium is installed; browser tests skip (and say why) otherwise. */
export declare const HAS_CHROMIUM: boolean;
/** Printed by a skipped browser test so the skip is never silent. */
export declare const CHROMIUM_MISSING_MESSAGE: string;
/** Flags for a headless run on a closed network. */
export declare const CHROMIUM_ARGS: string[];
/** Launches the Debian Chromium headless. One launch per test file; reuse its pages. */
export declare function launchChromium(): Promise<Browser>;
/** Time for a browser test's setup (bundle, launch, run the page), for beforeAll. */
export declare const BROWSER_HOOK_TIMEOUT_MS: number;
