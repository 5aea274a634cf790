import type { Sha256Constructor, Sha256Hash, SourceData } from './types.js';

/**
 * SigV4's signing key: HMAC-SHA-256 chained over the date, region, service and `aws4_request`, from `AWS4`
 * and the secret key. smithy's `getSigningKey` computes the same and caches it by an HMAC of the secret;
 * callers keep the key themselves.
 * @internal
 */
export async function deriveSigningKey(
  sha256: Sha256Constructor,
  secretAccessKey: string,
  shortDate: string,
  region: string,
  service: string,
): Promise<Uint8Array> {
  let key: SourceData = `AWS4${secretAccessKey}`;
  for (const data of [shortDate, region, service, 'aws4_request']) {
    const hash: Sha256Hash = new sha256(key);
    hash.update(data);
    key = await hash.digest();
  }
  return key as Uint8Array;
}
