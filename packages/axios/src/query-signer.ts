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

/** What the masked token reads as in a URL. */
const MASK = '%5Bredacted%5D';

/** A fetch `Request` keeps its URL in internal state: one whose URL holds the token is replaced by a masked copy. */
function maskRequest(holder: { request?: unknown } | undefined, token: string): void {
  const request = holder?.request;
  if (!holder || typeof Request === 'undefined' || !(request instanceof Request) || !request.url.includes(token))
    return;
  holder.request = new Request(request.url.split(token).join(MASK), {
    method: request.method,
    headers: request.headers,
  });
}

/**
 * The session token of a presigned request rides in its URL, which an `AxiosError` carries: the
 * config's adapter is wrapped so that such an error shows it masked, as header-signed requests do.
 * @internal
 */
export function maskTokenInErrors(config: InternalAxiosRequestConfig): void {
  const token = /[?&]X-Amz-Security-Token=([^&]*)/.exec(config.url ?? '')?.[1];
  const send = config.adapter;
  if (!token || typeof send !== 'function') return;
  config.adapter = (sent) =>
    (send as AxiosAdapter)(sent).catch(async (error: unknown) => {
      const { redactError } = await import('./redact-error.js');
      const masked = redactError(redactError(error, token), decodeURIComponent(token)) as {
        request?: unknown;
        response?: { request?: unknown };
      };
      maskRequest(masked, token);
      maskRequest(masked.response, token);
      throw masked;
    });
}

/**
 * Signs a config as `signAxiosRequest` does, but into the URL's query string (`signQuery`).
 * @internal
 */
export async function presignAxiosRequest(
  config: InternalAxiosRequestConfig,
  signer: Signer,
  expiresIn: number,
  sign: (config: InternalAxiosRequestConfig, signer: Signer) => Promise<InternalAxiosRequestConfig>,
): Promise<InternalAxiosRequestConfig> {
  const presigning = createQuerySigner(signer, expiresIn);
  const presigned = await sign(config, presigning);
  presigned.url = presigning.take();
  maskTokenInErrors(presigned);
  return presigned;
}
