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

const SIGV4: ServiceRules = { uriEscapePath: true, payloadHashHeader: false, unsignedPresign: false };

/** botocore's S3 signers (`S3SigV4Auth`, `S3SigV4QueryAuth`) for its `S3_SIGNING_NAMES`. */
const S3: ServiceRules = { uriEscapePath: false, payloadHashHeader: true, unsignedPresign: true };

/** Services whose rules differ from SigV4's defaults, by signing name. @internal */
export const SERVICE_RULES: Readonly<Record<string, ServiceRules>> = {
  s3: S3,
  's3-object-lambda': S3,
  's3-outposts': S3,
  s3express: S3,
  // OpenSearch Serverless and Glacier refuse requests without the payload hash header.
  aoss: { ...SIGV4, payloadHashHeader: true },
  glacier: { ...SIGV4, payloadHashHeader: true },
};

/** The rules of a signing name: its entry in {@link SERVICE_RULES}, else SigV4's defaults. @internal */
export const rulesFor = (service: string): ServiceRules =>
  Object.hasOwn(SERVICE_RULES, service) ? (SERVICE_RULES[service] as ServiceRules) : SIGV4;
