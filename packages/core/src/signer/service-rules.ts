/**
 * Per-service signing rules beyond SigV4's defaults, in one place (the table in core's README).
 * @internal
 */

/** How one service wants its requests signed. @internal */
export interface ServiceRules {
  /** SigV4's double-encoded path; `false`: S3's rule, each path segment encoded once. */
  readonly uriEscapePath: boolean;
  /** Sends and signs `x-amz-content-sha256` on every request (the service refuses requests without it). */
  readonly payloadHashHeader: boolean;
  /** Presigned URLs sign `UNSIGNED-PAYLOAD`: whoever holds the link sends any body. */
  readonly unsignedPresign: boolean;
}

/** botocore's S3 signers (`S3SigV4Auth`, `S3SigV4QueryAuth`) for its `S3_SIGNING_NAMES`: S3's rules throughout. */
const S3_FAMILY = ['s3', 's3-object-lambda', 's3-outposts', 's3express'];

/** OpenSearch Serverless and Glacier refuse requests without the payload hash header. */
const PAYLOAD_HASH_HEADER = ['aoss', 'glacier'];

/** The rules of a signing name: S3's for the S3 family, the payload hash header for some, else SigV4's defaults. @internal */
export const rulesFor = (service: string): ServiceRules => {
  const s3 = S3_FAMILY.includes(service);
  return { uriEscapePath: !s3, payloadHashHeader: s3 || PAYLOAD_HASH_HEADER.includes(service), unsignedPresign: s3 };
};
