/**
 * `@sigv4/ky`: sign every ky request (ky 1.x and 2.x) with AWS SigV4 at send time.
 * Public API only; the signer itself (`createSigner`, `fromAssumeRole`, ...) comes from `@sigv4/core`.
 */

// Re-exported so that callers can catch and type errors without importing core themselves.
export { isSigV4Error, type PresignUrlOptions, presignUrl, SigV4Error } from '@sigv4/core';
export { sigv4Hook, withSigV4 } from './hook.js';
export type { ExtendableKy, SigV4Hook, SigV4HookOptions } from './types.js';
