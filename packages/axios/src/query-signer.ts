import type { Signer } from '@sigv4/core';
import type { AxiosAdapter, InternalAxiosRequestConfig } from 'axios';

// Loaded with `signQuery` only; it imports nothing at run time, or browsers would load the shared chunk up front.

/** Header names that a presigned URL carries in its query instead. */
const IN_QUERY = /^x-amz-/;

/**
 * A signer for `signAxiosRequest` that presigns (`signQuery`): its `sign` puts the signature in the
 * URL's query string and adds no header; `take()` hands over the presigned URL of the last signing.
 * @internal
 */
export function createQuerySigner(signer: Signer, expiresIn: number): Signer & { take(): string } {
  let presigned = '';
  return {
    ...signer,
    async sign(request) {
      presigned = await signer.presign({ ...request, expiresIn });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries((request.headers ?? {}) as Record<string, string>)) {
        if (!IN_QUERY.test(name)) headers[name] = value;
      }
      return { method: (request.method ?? 'GET').toUpperCase(), url: presigned, headers, body: request.body };
    },
    take: () => presigned,
  };
}

/**
 * Signs a config as `signAxiosRequest` (passed in as `sign`) does, but into the URL's query string (`signQuery`).
 * @internal
 */
export async function presignAxiosRequest(
  config: InternalAxiosRequestConfig,
  signer: Signer,
  expiresIn: number,
  sign: (
    config: InternalAxiosRequestConfig,
    signer: Signer,
    wrapper: AxiosAdapter,
  ) => Promise<InternalAxiosRequestConfig>,
  wrapper: AxiosAdapter,
): Promise<InternalAxiosRequestConfig> {
  const presigning = createQuerySigner(signer, expiresIn);
  const presigned = await sign(config, presigning, wrapper);
  presigned.url = presigning.take();
  return presigned;
}
