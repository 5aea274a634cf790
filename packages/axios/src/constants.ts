/**
 * Headers that axios, Node, browsers or proxies add or rewrite after signing: sent, never signed.
 * @internal
 */
export const UNSIGNABLE_HEADERS: readonly string[] = ['user-agent', 'accept-encoding', 'content-length', 'connection'];

/** @internal */
export const CONTENT_TYPE_HEADER = 'content-type';

/** The content type axios' `dispatchRequest` gives POST, PUT and PATCH requests without one. @internal */
export const AXIOS_DEFAULT_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** Methods for which axios sets {@link AXIOS_DEFAULT_CONTENT_TYPE}. @internal */
export const METHODS_WITH_DEFAULT_CONTENT_TYPE: readonly string[] = ['post', 'put', 'patch'];

/**
 * Config key of a config already signed, holding the adapter it sends with (or `true`); it survives axios'
 * `mergeConfig`, so a retry (axios-retry) is recognised.
 * @internal
 */
export const SIGNED_MARK = 'sigv4Signed';
