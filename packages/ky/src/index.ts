/**
 * `@sigv4/ky`: sign every ky request (ky 1.x and 2.x) with AWS SigV4 at send time.
 *
 * Public API only. Left out on purpose: the body reader, the hook-argument reader and the
 * hook composer are internal so they can change without a major release; `createSigner`,
 * `fromAssumeRole` and the rest of the signer come from `@sigv4/core`.
 */
export { sigv4Hook } from './sigv4-hook.js';
export { withSigV4 } from './with-sigv4.js';
export type { ExtendableKy, SigV4Hook, SigV4HookOptions } from './types.js';
// Re-exported so that callers can catch and type errors without importing core themselves.
export { SigV4Error, isSigV4Error } from '@sigv4/core';
