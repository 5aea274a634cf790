import { percentDecode, uriEncode } from './uri-encode.js';

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

/** Whether the canonical path of `service` is normalized: for every service but S3. @internal */
export function normalizesPath(service: string): boolean {
  return service !== 's3';
}

/**
 * The path a signature for `service` covers, still percent-encoded: normalized for every
 * service but S3 (`/dev/../other//items` -> `/other/items`), as the verifier reads it.
 * @internal
 */
export function verifiedPath(rawPath: string, service: string): string {
  const path = rawPath === '' ? '/' : rawPath;
  return normalizesPath(service) ? normalizePath(path) : path;
}

/**
 * The CanonicalURI line, from the path exactly as received on the request line.
 * Every service but S3 (`encode: true`): optionally normalized, then every
 * segment URI-encoded once more; because the wire path is already encoded,
 * that makes the "double encoding" AWS documents (`/a%20b` -> `/a%2520b`).
 * S3 (`encode: false`): each segment percent-decoded to bytes and URI-encoded
 * once, as S3 reads the key (`/%7E` -> `/~`, `/k+ey` -> `/k%2Bey`, a stray `%`
 * -> `%25`); `%2F` stays inside its segment.
 * @param rawPath - the path part of the request-target, as a byte string
 * @internal
 */
export function canonicalPath(rawPath: string, options: { normalize: boolean; encode: boolean }): string {
  let path = rawPath === '' ? '/' : rawPath;
  if (options.normalize) path = normalizePath(path);
  const encodeSegment = options.encode ? uriEncode : (segment: string) => uriEncode(percentDecode(segment, false));
  return path.split('/').map(encodeSegment).join('/');
}
