/** Data accepted by a hash's `update`. @internal */
export type SourceData = string | ArrayBuffer | ArrayBufferView;

/**
 * A SHA-256 hash (HMAC-SHA-256 when constructed with a secret), in the shape of
 * the AWS SDK's `Checksum`/`HashConstructor`, so `@smithy/signature-v4` can use it.
 * @internal
 */
export interface Sha256Hash {
  update(data: SourceData): void;
  digest(): Promise<Uint8Array>;
  reset?(): void;
}

/** @internal */
export type Sha256Constructor = new (secret?: SourceData) => Sha256Hash;
