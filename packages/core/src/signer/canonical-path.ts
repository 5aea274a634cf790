import type { Kit } from './kit.js';

type PathRules = { getCanonicalPath(request: { path: string }): string };

let rules: PathRules | undefined;

/**
 * smithy's canonical path (`SignatureV4Base.getCanonicalPath` with `uriEscapePath`), loaded by the first path
 * it would change: most paths are canonical as they are (see `isCanonicalPath` in smithy-signer.ts). smithy's
 * class comes from `kit`, so this chunk shares no module with the entry (see kit.ts).
 * @internal
 */
export function canonicalPath(kit: Kit, path: string): string {
  // A base that signs nothing: only its path rule is called, so its credentials and hash are never read.
  const Base = kit.SignatureV4Base as unknown as new (options: object) => PathRules;
  rules ??= new Base({
    credentials: { accessKeyId: '', secretAccessKey: '' },
    region: '',
    service: '',
    sha256: class {} as never,
    uriEscapePath: true,
  });
  return rules.getCanonicalPath({ path });
}
