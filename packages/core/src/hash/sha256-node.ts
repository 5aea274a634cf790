import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type { Sha256Hash, SourceData } from './types.js';

const toBinary = (data: SourceData): string | Uint8Array =>
  typeof data === 'string'
    ? data
    : data instanceof Uint8Array
      ? data
      : ArrayBuffer.isView(data)
        ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
        : new Uint8Array(data);

/**
 * SHA-256 / HMAC-SHA-256 on `node:crypto` (native code), for `@smithy/signature-v4`.
 * @internal
 */
export class NodeSha256 implements Sha256Hash {
  readonly #secret: string | Uint8Array | undefined;
  #hash: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.#secret = secret === undefined ? undefined : toBinary(secret);
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
 * Hex SHA-256 of bytes or a UTF-8 string, synchronously.
 * @internal
 */
export function sha256Hex(data: SourceData): Promise<string> {
  return Promise.resolve(createHash('sha256').update(toBinary(data)).digest('hex'));
}
