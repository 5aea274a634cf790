/**
 * Wire values and defaults of `@sigv4/fetch`, in one place.
 * @internal
 */

/** The only `duplex` value fetch accepts; needed when a request body is a stream. */
export const STREAM_DUPLEX = 'half';

/** Prefix of every message this package writes, so errors name where they came from. */
export const PACKAGE_NAME = '@sigv4/fetch';
