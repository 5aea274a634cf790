/**
 * `@sigv4/axios`: sign every axios request with AWS SigV4 in one request interceptor.
 *
 * Only the two entry points and their options type are exported; the URL, header and body
 * helpers are internal because their behaviour follows axios' internals and may change with it.
 * `SigV4Error` and `isSigV4Error` are re-exported from `@sigv4/core` for `catch` blocks.
 */

export { isSigV4Error, type PresignUrlOptions, presignUrl, type SignerOrOptions, SigV4Error } from '@sigv4/core';
export { attachSigV4, type SigV4InterceptorOptions, sigv4Interceptor } from './interceptor.js';
