import type { AxiosHeaders } from 'axios';

// Loaded with the first string body whose Content-Type names a charset; it imports nothing at run time.

/**
 * Labels the charset of a string body `UTF-8`, as it goes out in UTF-8 and XHR relabels it so after signing.
 * @internal
 */
export function labelCharset(headers: AxiosHeaders, type: string): void {
  const labelled = type.replace(/(;\s*charset=)[^;]*/gi, '$1UTF-8');
  if (labelled !== type) headers.set('content-type', labelled);
}
