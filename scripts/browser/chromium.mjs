// Headless Chromium for the browser tests: Debian's `chromium` package driven by playwright-core.
// We never download a browser.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Debian's `chromium` package (`apt-get install -y chromium`); SIGV4_CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.SIGV4_CHROMIUM_PATH || '/usr/bin/chromium';

/** True when the Debian Chromium is installed; browser tests skip (and say why) otherwise. */
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);

/** Printed by a skipped browser test so the skip is never silent. */
export const CHROMIUM_MISSING_MESSAGE =
  `Chromium not found at ${CHROMIUM_PATH}: browser tests skipped. ` +
  'Install it with `apt-get install -y chromium` (.ci/run does this as root).';

/**
 * Flags for a headless run on a closed network: no sandbox (root in CI), no GPU, and no
 * background traffic (component updates, sync, QUIC probes) that would stall offline.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Launches the Debian Chromium headless. One launch per test file; reuse its pages. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Time for a browser test's setup (bundle, launch, run the page): generous, because CI runs every
 * package's tests at once on 2 cores and Chromium competes with them.
 */
export const BROWSER_HOOK_TIMEOUT_MS = 90_000;
