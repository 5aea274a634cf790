import type { Kit } from './kit.js';

/**
 * smithy's canonical path (`SignatureV4Base.getCanonicalPath` with `uriEscapePath`): empty and `.` segments
 * dropped, `..` removing the segment before it, then every byte but the unreserved ones and `/` escaped
 * again. Loaded by the first path that needs it: most paths are canonical as they are (see smithy-signer.ts).
 * Takes smithy's `escapeUri` from `kit`, so this chunk shares no module with the entry (see kit.ts).
 * @internal
 */
export function canonicalPath(kit: Kit, path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalized = `${path.startsWith('/') ? '/' : ''}${segments.join('/')}${
    segments.length > 0 && path.endsWith('/') ? '/' : ''
  }`;
  return kit.escapeUri(normalized).replace(/%2F/g, '/');
}
