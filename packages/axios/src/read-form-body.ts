import type { AxiosHeaders } from 'axios';

// Loaded on the first Blob, File or form body; it imports nothing at run time, or browsers would load the shared chunk up front.

/** What a transformed body may be here: a `Blob`/`File`, a `form-data` (npm) object or a spec `FormData`. @internal */
export type FormBody = {
  [Symbol.toStringTag]?: unknown;
  size: number;
  type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
  getHeaders?(): Record<string, string>;
  getBuffer(): Uint8Array;
};

/**
 * The bytes an adapter would send for a `Blob`/`File` or a form, with the content type it would set
 * (see prepare-body.ts); a Blob whose payload hash the caller declared, or a `form-data` (npm) object
 * with a stream part, is returned as it is.
 * @internal
 */
export async function readFormBody(data: FormBody, headers: AxiosHeaders): Promise<unknown> {
  const contentType = 'content-type';
  const tag = data[Symbol.toStringTag];
  if (tag === 'Blob' || tag === 'File') {
    if (data.size) headers.set(contentType, data.type || 'application/octet-stream', false);
    // A caller who declared the payload hash is trusted with it: the Blob is sent unread, never buffered.
    return headers.has('x-amz-content-sha256') ? data : data.arrayBuffer();
  }
  // a form-data (npm) object also calls itself FormData: its bytes, or (a stream part) it keeps streaming
  if (data.getHeaders) {
    headers.set(data.getHeaders(), true);
    try {
      return data.getBuffer();
    } catch {
      // Buffer.from(stream) throws: the form stays a stream
      return data;
    }
  }
  const response = new Response(data as unknown as FormData);
  headers.set(contentType, response.headers.get(contentType), true);
  return response.arrayBuffer();
}
