/**
 * Header names and markers of `@sigv4/axios`, in one place.
 * @internal
 */

/**
 * Headers that axios, Node or the browser add or rewrite after the request interceptors ran
 * (or that proxies change on the way). They are sent but never signed: a signed value that
 * changes in flight would break the signature.
 * @internal
 */
export const UNSIGNABLE_HEADERS: readonly string[] = ['user-agent', 'accept-encoding', 'content-length', 'connection'];

/** @internal */
export const CONTENT_TYPE_HEADER = 'content-type';

/**
 * The content type axios' `dispatchRequest` gives POST, PUT and PATCH requests without one.
 * @internal
 */
export const AXIOS_DEFAULT_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** Methods for which axios sets {@link AXIOS_DEFAULT_CONTENT_TYPE}. @internal */
export const METHODS_WITH_DEFAULT_CONTENT_TYPE: readonly string[] = ['post', 'put', 'patch'];

/**
 * Config key that marks a config this interceptor already signed, holding the adapter it sends with (or `true`).
 * It survives axios' `mergeConfig`, so a retry of the same config (axios-retry) is recognised.
 * @internal
 */
export const SIGNED_MARK = 'sigv4Signed';
