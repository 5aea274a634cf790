import { stripSigningHeaders } from '@sigv4/core';
import type { InternalAxiosRequestConfig } from 'axios';

// What only Node's http adapter and the form-data (npm) package need; the browser build has platform/browser.ts.

type BeforeRedirect = NonNullable<InternalAxiosRequestConfig['beforeRedirect']>;

/** The signature covers only the first URL, and follow-redirects keeps the session token on a cross-origin hop. */
const stripOnRedirect: BeforeRedirect = (options) => {
  options['headers'] = stripSigningHeaders(options['headers']);
};

/**
 * Has every redirect the http adapter follows drop the signing headers, before the caller's own
 * `beforeRedirect` runs; a config signed again wraps its wrapper, and stripping twice is harmless.
 * @internal
 */
export function stripSigningOnRedirect(config: InternalAxiosRequestConfig): void {
  const before = config.beforeRedirect;
  config.beforeRedirect =
    before && before !== stripOnRedirect
      ? (options, ...details) => {
          stripOnRedirect(options, ...details);
          before(options, ...details);
        }
      : stripOnRedirect;
}

/**
 * axios' Node default `env.FormData` is the form-data (npm) stream class, which cannot be hashed: the
 * transformers get the spec `FormData` instead (a stream class is told by `getHeaders`; any other is kept).
 * @internal
 */
export function useSpecFormData(config: InternalAxiosRequestConfig): void {
  const env = config.env;
  if ((env?.FormData?.prototype as { getHeaders?: unknown } | undefined)?.getHeaders) {
    config.env = { ...env, FormData };
  }
}
