/**
 * Wire strings, fixtures and defaults of the gateway, in one place.
 * @internal
 */

/** The only algorithm SigV4 defines. */
export const ALGORITHM = 'AWS4-HMAC-SHA256';
/** Last element of every credential scope. */
export const SCOPE_TERMINATOR = 'aws4_request';
/** Payload hash value that S3 accepts instead of a real hash. */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export const AUTHORIZATION_HEADER = 'authorization';
export const AMZ_DATE_HEADER = 'x-amz-date';
export const DATE_HEADER = 'date';
export const TOKEN_HEADER = 'x-amz-security-token';
export const CONTENT_SHA256_HEADER = 'x-amz-content-sha256';
export const API_KEY_HEADER = 'x-api-key';

export const QUERY_ALGORITHM = 'X-Amz-Algorithm';
export const QUERY_CREDENTIAL = 'X-Amz-Credential';
export const QUERY_DATE = 'X-Amz-Date';
export const QUERY_EXPIRES = 'X-Amz-Expires';
export const QUERY_SIGNED_HEADERS = 'X-Amz-SignedHeaders';
export const QUERY_SIGNATURE = 'X-Amz-Signature';
export const QUERY_TOKEN = 'X-Amz-Security-Token';
/** S3 presigned URLs: the payload hash, when it is not `UNSIGNED-PAYLOAD`. */
export const QUERY_CONTENT_SHA256 = 'X-Amz-Content-Sha256';

/** AWS refuses a request whose date is more than 5 minutes away from its clock. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Longest presigned-URL lifetime AWS accepts (7 days). */
export const MAX_PRESIGN_EXPIRES_S = 604_800;
/** API Gateway's payload limit (10 MB); larger bodies get 413. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Bodies above this are not even drained: the connection is closed. */
export const MAX_DRAIN_BYTES = 64 * 1024 * 1024;
/** How many requests the `sigv4-gateway` CLI keeps in its log, and how many body bytes of each. */
export const CLI_RECORD_LIMITS = { maxRecordedRequests: 100, maxRecordedBodyBytes: 4096 } as const;

/** STS limits for `DurationSeconds` of AssumeRole. */
export const MIN_SESSION_SECONDS = 900;
export const MAX_SESSION_SECONDS = 43_200;
export const DEFAULT_SESSION_SECONDS = 3600;
/** A role session that assumes another role (role chaining) lasts at most 1 hour. */
export const MAX_CHAINED_SESSION_SECONDS = 3600;
/** Prefix of `X-Amz-Target` for STS over the JSON protocols. */
export const STS_JSON_TARGET_PREFIX = 'AWSSecurityTokenServiceV20110615.';
export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';
export const STS_VERSION = '2011-06-15';

/** The account every fixture identity belongs to (in ARNs and `requestContext.accountId`). @public */
export const TEST_ACCOUNT_ID = '123456789012';

/**
 * Long-term credentials the gateway knows by default. A fixture: never a real key.
 * Not frozen on purpose: the AWS SDK tags credential objects it is given
 * (`$source`), and throws on a frozen one.
 * @example
 * createSigner({ region: gw.region, service: gw.service, credentials: TEST_CREDENTIALS });
 * @public
 */
export const TEST_CREDENTIALS: { readonly accessKeyId: string; readonly secretAccessKey: string } = {
  accessKeyId: 'AKIASIGV4GATEWAYTEST',
  secretAccessKey: 'sigv4/Gateway+Test/SecretKey/EXAMPLE+KEY',
};

/**
 * Role the gateway's STS lets `TEST_CREDENTIALS` assume by default.
 * @example
 * fromTemporaryCredentials({ params: { RoleArn: TEST_ROLE_ARN, RoleSessionName: 'test' }, masterCredentials: TEST_CREDENTIALS, clientConfig: { endpoint: gw.stsUrl, region: gw.region } });
 * @public
 */
export const TEST_ROLE_ARN = `arn:aws:iam::${TEST_ACCOUNT_ID}:role/sigv4-test-role`;

/**
 * An API key for `apiKeys: [TEST_API_KEY]`.
 * @example
 * const gw = await startGateway({ apiKeys: [TEST_API_KEY] }); // then send `x-api-key: TEST_API_KEY`
 * @public
 */
export const TEST_API_KEY = 'sigv4-test-api-key-0123456789abcdefEXAMPLE';

/** Headers every answer exposes to browsers, so clients can read errors and fix clock skew. */
export const CORS_EXPOSE_HEADERS = [
  'date',
  'x-amzn-errortype',
  'x-amzn-requestid',
  'x-amz-apigw-id',
  'content-length',
  'content-type',
].join(', ');

/** {@link CORS_EXPOSE_HEADERS} without `date`: a browser then cannot read the server's clock from the header. */
export const CORS_EXPOSE_HEADERS_WITHOUT_DATE = CORS_EXPOSE_HEADERS.replace('date, ', '');
