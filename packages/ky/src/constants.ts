/**
 * Wire values and messages of `@sigv4/ky`, in one place.
 * @internal
 */

/** The only `duplex` value fetch accepts; a `Request` whose body is a stream needs it. */
export const STREAM_DUPLEX = 'half';

/** Prefix of every message this package writes, so errors name where they came from. */
export const PACKAGE_NAME = '@sigv4/ky';

/** Where the hook belongs; said in the error raised when it is called any other way. */
export const HOOK_PLACEMENT_HINT = 'use it in hooks.beforeRequest and hooks.beforeRetry, or use withSigV4()';
