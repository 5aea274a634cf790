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

const EMPTY = new Uint8Array(0);

/**
 * SHA-256 / HMAC-SHA-256 on WebCrypto (`crypto.subtle`), falling back to `@aws-crypto/sha256-js`
 * where WebCrypto is missing (e.g. an insecure http: page). No Node built-ins.
 * @internal
 */
export class WebSha256 implements Sha256Hash {
  readonly #secret: Uint8Array | undefined;
  #data = EMPTY;

  constructor(secret?: SourceData) {
    this.#secret = secret === undefined ? undefined : toBytes(secret);
  }

  update(data: SourceData): void {
    // A copy: the caller may reuse its buffer before digest() runs.
    const bytes = toBytes(data);
    const joined = new Uint8Array(this.#data.byteLength + bytes.byteLength);
    joined.set(this.#data);
    joined.set(bytes, this.#data.byteLength);
    this.#data = joined;
  }

  async digest(): Promise<Uint8Array> {
    const data = this.#data as Uint8Array<ArrayBuffer>;
    const secret = this.#secret;
    const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
    // WebCrypto rejects empty HMAC keys; the pure-JS hash handles them.
    if (typeof subtle?.digest !== 'function' || secret?.byteLength === 0) return hashInJs(data, secret);
    if (secret === undefined) return new Uint8Array(await subtle.digest('SHA-256', data));
    let key = hmacKeys.get(secret);
    if (!key) {
      key = subtle.importKey('raw', secret as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      hmacKeys.set(secret, key);
      key.catch(() => hmacKeys.delete(secret));
    }
    return new Uint8Array(await subtle.sign('HMAC', await key, data));
  }

  reset(): void {
    this.#data = EMPTY;
  }
}

/** Hex SHA-256 (HMAC-SHA-256 with a key) of bytes or a UTF-8 string. */
async function hexDigest(data: SourceData, key?: Uint8Array): Promise<string> {
  const hash = new WebSha256(key);
  hash.update(data);
  return toHex(await hash.digest());
}

/**
 * Hex HMAC-SHA-256 of a UTF-8 string under a byte key (the signing key).
 * @internal
 */
export const hmacSha256Hex = (key: Uint8Array, data: string): Promise<string> => hexDigest(data, key);

/**
 * Hex SHA-256 of bytes or a UTF-8 string.
 * @internal
 */
export const sha256Hex = (data: SourceData): Promise<string> => hexDigest(data);
