import { uriEncode } from './uri-encode.js';

/**
 * Removes `.` and `..` segments and empty segments (repeated slashes); keeps a
 * trailing slash. This is the normalization AWS applies for every service but S3.
 * @internal
 */
export function normalizePath(path: string): string {
  const segments: string[] = [];
  const parts = path.split('/');
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') segments.pop();
    else segments.push(part);
  }
  const last = parts[parts.length - 1];
  const trailing = segments.length > 0 && (last === '' || last === '.' || last === '..');
  return `/${segments.join('/')}${trailing ? '/' : ''}`;
}

/**
 * The CanonicalURI line: the path exactly as received on the request line,
 * optionally normalized, then every segment URI-encoded once more. Because the
 * wire path is already encoded, that makes the "double encoding" AWS documents
 * for non-S3 services (`/a%20b` -> `/a%2520b`).
 * @param rawPath - the path part of the request-target, as a byte string
 * @internal
 */
export function canonicalPath(rawPath: string, options: { normalize: boolean; encode: boolean }): string {
  let path = rawPath === '' ? '/' : rawPath;
  if (options.normalize) path = normalizePath(path);
  if (!options.encode) return path;
  return path.split('/').map(uriEncode).join('/');
}
