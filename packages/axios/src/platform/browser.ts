import type { InternalAxiosRequestConfig } from 'axios';

// Browsers and workers send with xhr or fetch, which follow redirects without `beforeRedirect`, and have
// only the spec `FormData`: nothing to do.

/** @internal */
export function stripSigningOnRedirect(_config: InternalAxiosRequestConfig): void {}

/** @internal */
export function useSpecFormData(_config: InternalAxiosRequestConfig): void {}
