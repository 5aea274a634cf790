import type { Sha256Hash, SourceData } from './types.js';

/** A UTF-8 string's bytes, or a view of the given bytes. */
const toBytes = (data: SourceData): Uint8Array =>
  typeof data === 'string'
    ? new TextEncoder().encode(data)
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * The pure-JS SHA-256, loaded only where WebCrypto is missing: bundlers put it in a chunk of its own
 * that browsers with `crypto.subtle` never fetch.
 */
let jsSha256: Promise<typeof import('@aws-crypto/sha256-js')> | undefined;

async function hashInJs(data: Uint8Array, secret: Uint8Array | undefined): Promise<Uint8Array> {
  jsSha256 ??= import('@aws-crypto/sha256-js');
  const hash = new (await jsSha256).Sha256(secret);
  hash.update(data);
  return hash.digest();
}

/** Imported HMAC keys by key bytes: the signing key is the same Uint8Array on every signing. */
const hmacKeys = new WeakMap<Uint8Array, Promise<CryptoKey>>();

/**
 * SHA-256 of `data`, or its HMAC-SHA-256 under `key`, on WebCrypto (`crypto.subtle`); the pure-JS hash where
 * WebCrypto is missing (e.g. an insecure http: page) and for an empty key, which WebCrypto rejects.
 */
async function digest(data: Uint8Array, key: Uint8Array | undefined): Promise<Uint8Array> {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  const bytes = data as Uint8Array<ArrayBuffer>;
  // A copy: the caller's bytes may change while the pure-JS hash loads.
  if (typeof subtle?.digest !== 'function' || key?.byteLength === 0) return hashInJs(data.slice(), key);
  if (key === undefined) return new Uint8Array(await subtle.digest('SHA-256', bytes));
  let cryptoKey = hmacKeys.get(key);
  if (!cryptoKey) {
    cryptoKey = subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    hmacKeys.set(key, cryptoKey);
    cryptoKey.catch(() => hmacKeys.delete(key));
  }
  return new Uint8Array(await subtle.sign('HMAC', await cryptoKey, bytes));
}

/**
 * SHA-256 / HMAC-SHA-256 in the shape smithy takes (`update`, `digest`), on WebCrypto. No Node built-ins.
 * @internal
 */
export class WebSha256 implements Sha256Hash {
  readonly #key: Uint8Array | undefined;
  #data = new Uint8Array(0);

  constructor(secret?: SourceData) {
    this.#key = secret === undefined ? undefined : toBytes(secret);
  }

  update(data: SourceData): void {
    // A copy (the caller may reuse its buffer before digest() runs); the data hashed here is the signing key's few bytes.
    this.#data = new Uint8Array([...this.#data, ...toBytes(data)]);
  }

  digest(): Promise<Uint8Array> {
    return digest(this.#data, this.#key);
  }
}

/**
 * Hex HMAC-SHA-256 of a UTF-8 string under a byte key (the signing key).
 * @internal
 */
export const hmacSha256Hex = async (key: Uint8Array, data: string): Promise<string> =>
  toHex(await digest(toBytes(data), key));

/**
 * Hex SHA-256 of bytes or a UTF-8 string.
 * @internal
 */
export const sha256Hex = async (data: SourceData): Promise<string> => toHex(await digest(toBytes(data), undefined));
