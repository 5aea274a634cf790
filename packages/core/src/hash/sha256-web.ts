import { toUint8Array as toBytes, toHex } from '@smithy/core/serde';
import type { Sha256Hash, SourceData } from './types.js';

const concat = (chunks: Uint8Array[]): Uint8Array => {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  let length = 0;
  for (const chunk of chunks) length += chunk.byteLength;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
};

/**
 * The pure-JS SHA-256, loaded only where WebCrypto is missing: bundlers put it in a chunk of its own
 * that browsers with `crypto.subtle` never fetch.
 */
let jsSha256: Promise<typeof import('@aws-crypto/sha256-js')> | undefined;

async function hashInJs(data: Uint8Array, secret: Uint8Array | undefined): Promise<Uint8Array> {
  jsSha256 ??= import('@aws-crypto/sha256-js');
  const { Sha256 } = await jsSha256;
  const hash = new Sha256(secret);
  hash.update(data);
  return hash.digest();
}

/** `crypto.subtle` when the platform has it (browsers in secure contexts, workers, Deno, Bun). */
const getSubtle = (): SubtleCrypto | undefined => {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  return c?.subtle && typeof c.subtle.digest === 'function' ? c.subtle : undefined;
};

/** Imported HMAC keys by key bytes: the signing key is the same Uint8Array on every signing. */
const hmacKeys = new WeakMap<Uint8Array, Promise<CryptoKey>>();

function importHmacKey(subtle: SubtleCrypto, secret: Uint8Array): Promise<CryptoKey> {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = subtle.importKey(
      'raw',
      secret as Uint8Array<ArrayBuffer>,
      { name: 'HMAC', hash: { name: 'SHA-256' } },
      false,
      ['sign'],
    );
    hmacKeys.set(secret, key);
    key.catch(() => hmacKeys.delete(secret));
  }
  return key;
}

/**
 * SHA-256 / HMAC-SHA-256 on WebCrypto (`crypto.subtle`), falling back to `@aws-crypto/sha256-js`
 * where WebCrypto is missing (e.g. an insecure http: page). No Node built-ins.
 * @internal
 */
export class WebSha256 implements Sha256Hash {
  readonly #secret: Uint8Array | undefined;
  #chunks: Uint8Array[] = [];

  constructor(secret?: SourceData) {
    this.#secret = secret === undefined ? undefined : toBytes(secret);
  }

  update(data: SourceData): void {
    // Copy: the caller may reuse its buffer before digest() runs.
    this.#chunks.push(toBytes(data).slice());
  }

  async digest(): Promise<Uint8Array> {
    const data = concat(this.#chunks);
    const subtle = getSubtle();
    if (!subtle) return hashInJs(data, this.#secret);
    if (this.#secret === undefined) {
      return new Uint8Array(await subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
    }
    // WebCrypto rejects empty HMAC keys; the pure-JS hash handles them.
    if (this.#secret.byteLength === 0) return hashInJs(data, this.#secret);
    const key = await importHmacKey(subtle, this.#secret);
    return new Uint8Array(await subtle.sign('HMAC', key, data as Uint8Array<ArrayBuffer>));
  }

  reset(): void {
    this.#chunks = [];
  }
}

/**
 * Hex HMAC-SHA-256 of a UTF-8 string under a byte key (the signing key).
 * @internal
 */
export async function hmacSha256Hex(key: Uint8Array, data: string): Promise<string> {
  const hash = new WebSha256(key);
  hash.update(data);
  return toHex(await hash.digest());
}

/**
 * Hex SHA-256 of bytes or a UTF-8 string.
 * @internal
 */
export async function sha256Hex(data: SourceData): Promise<string> {
  const hash = new WebSha256();
  hash.update(data);
  return toHex(await hash.digest());
}
