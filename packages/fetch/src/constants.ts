/**
 * Wire values and defaults of `@sigv4/fetch`, in one place.
 * @internal
 */

/** Prefix of every message this package writes, so errors name where they came from. */
export const PACKAGE_NAME = '@sigv4/fetch';
