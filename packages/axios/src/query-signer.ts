import type { Signer } from '@sigv4/core';

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
