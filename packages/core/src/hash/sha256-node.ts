import * as crypto from 'node:crypto';
import { createHash, createHmac, createSecretKey, type Hash, type Hmac, type KeyObject } from 'node:crypto';
import type { Sha256Hash, SourceData } from './types.js';

/** Above this many characters a string is hashed as its UTF-8 bytes: node:crypto hashes long strings slowly. */
const LONG_STRING = 1 << 20;

/** Characters per slice of a long string: small enough to keep each slice's UTF-8 bytes in cache. */
const LONG_STRING_SLICE = 1 << 18;

const toBinary = (data: SourceData): string | Uint8Array =>
  typeof data === 'string'
    ? data.length > LONG_STRING
      ? Buffer.from(data, 'utf8')
      : data
    : data instanceof Uint8Array
      ? data
      : ArrayBuffer.isView(data)
        ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
        : new Uint8Array(data);

/**
 * KeyObjects of byte keys (signing keys are the same Uint8Array on every signing, from the key cache).
 * Node turns a raw key into a KeyObject on every `createHmac`, which costs more than the HMAC itself.
 */
const keyObjects = new WeakMap<Uint8Array, KeyObject>();

const toKey = (secret: SourceData): string | KeyObject | Uint8Array => {
  if (typeof secret === 'string') return secret;
  const bytes = toBinary(secret) as Uint8Array;
  if (bytes.byteLength === 0) return bytes;
  let key = keyObjects.get(bytes);
  if (!key) {
    key = createSecretKey(bytes);
    keyObjects.set(bytes, key);
  }
  return key;
};

/**
 * SHA-256 / HMAC-SHA-256 on `node:crypto` (native code), for `@smithy/signature-v4`.
 * @internal
 */
export class NodeSha256 implements Sha256Hash {
  readonly #secret: string | KeyObject | Uint8Array | undefined;
  #hash: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.#secret = secret === undefined ? undefined : toKey(secret);
    this.#hash = this.#create();
  }

  #create(): Hash | Hmac {
    return this.#secret === undefined ? createHash('sha256') : createHmac('sha256', this.#secret);
  }

  update(data: SourceData): void {
    // Strings are hashed as UTF-8, as the SDK's hashes do.
    this.#hash.update(toBinary(data));
  }

  digest(): Promise<Uint8Array> {
    const out = this.#hash.digest();
    return Promise.resolve(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
  }

  reset(): void {
    this.#hash = this.#create();
  }
}

/**
 * SHA-256 of a long string, fed as UTF-8 in slices: no copy of the whole string's bytes. A slice never
 * ends between the two halves of a surrogate pair, which would each encode as U+FFFD.
 */
function hashLongString(text: string): string {
  const hash = createHash('sha256');
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + LONG_STRING_SLICE, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    hash.update(text.slice(start, end));
    start = end;
  }
  return hash.digest('hex');
}

/** Node's one-shot `crypto.hash` (no Hash object per call), where this Node has it. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string }).hash;

/**
 * Hex SHA-256 of bytes or a UTF-8 string.
 * @internal
 */
export function sha256Hex(data: SourceData): Promise<string> {
  if (typeof data === 'string' && data.length > LONG_STRING) return Promise.resolve(hashLongString(data));
  const bytes = toBinary(data);
  return Promise.resolve(oneShot ? oneShot('sha256', bytes, 'hex') : createHash('sha256').update(bytes).digest('hex'));
}

/**
 * Hex HMAC-SHA-256 of a UTF-8 string under a byte key (the signing key).
 * @internal
 */
export function hmacSha256Hex(key: Uint8Array, data: string): Promise<string> {
  return Promise.resolve(createHmac('sha256', toKey(key)).update(data).digest('hex'));
}
