/**
 * Public types of `@sigv4/core`.
 */

/**
 * AWS credentials, the same shape as the AWS SDK v3 `AwsCredentialIdentity`.
 *
 * @example
 * ```ts
 * const credentials: AwsCredentialIdentity = { accessKeyId: 'AKID…', secretAccessKey: '…' };
 * ```
 */
export interface AwsCredentialIdentity {
  /** Access key id (`AKIA…` for long-term keys, `ASIA…` for temporary ones). */
  readonly accessKeyId: string;
  /** Secret access key. Never logged or put in an error. */
  readonly secretAccessKey: string;
  /** Session token of temporary credentials; sent as `x-amz-security-token`. */
  readonly sessionToken?: string;
  /** When temporary credentials stop working; they are refreshed 5 minutes before, by the signer's clock. */
  readonly expiration?: Date;
  /** Optional credential scope (set by some SDK providers; not used for signing). */
  readonly credentialScope?: string;
  /** Optional account id (set by some SDK providers; not used for signing). */
  readonly accountId?: string;
}

/**
 * An async function that returns credentials: the AWS SDK v3 `AwsCredentialIdentityProvider` shape,
 * so every provider of `@aws-sdk/credential-providers` plugs in as it is.
 *
 * @example
 * ```ts
 * import { fromIni } from '@aws-sdk/credential-providers';
 * const provider: AwsCredentialIdentityProvider = fromIni({ profile: 'dev' });
 * ```
 */
export type AwsCredentialIdentityProvider = (
  identityProperties?: Record<string, unknown>,
) => Promise<AwsCredentialIdentity>;

/**
 * Static credentials or a provider of them.
 *
 * @example
 * ```ts
 * const input: CredentialsInput = async () => ({ accessKeyId, secretAccessKey });
 * ```
 */
export type CredentialsInput = AwsCredentialIdentity | AwsCredentialIdentityProvider;

/**
 * Options of {@link createSigner}.
 *
 * @example
 * ```ts
 * const options: SignerOptions = { region: 'eu-central-1', service: 'execute-api' };
 * ```
 */
export interface SignerOptions {
  /**
   * AWS region to sign for, e.g. `"eu-central-1"`.
   * @default inferred from the URL host, else a `REGION_UNRESOLVED` error
   */
  region?: string | undefined;
  /**
   * Signing name of the service, e.g. `"execute-api"`, `"lambda"`, `"s3"`.
   * @default inferred from the URL host, else a `SERVICE_UNRESOLVED` error
   */
  service?: string | undefined;
  /**
   * Static credentials or an async provider (memoized, refreshed 5 minutes before `expiration`).
   * @default the AWS SDK's Node default chain (env, SSO, ini, process, web identity, ECS, EC2); none in browsers
   */
  credentials?: CredentialsInput | undefined;
  /**
   * Milliseconds a credentials fetch may take. One that has not settled by then fails that signing with
   * `CREDENTIALS_PROVIDER_FAILED` and is abandoned: the next signing asks the provider again.
   * @default 10000
   */
  credentialsTimeout?: number | undefined;
  /**
   * Sign the payload as `UNSIGNED-PAYLOAD` instead of hashing it. Needed for stream and async-iterable bodies.
   * @default false
   */
  unsignedPayload?: boolean | undefined;
  /**
   * Percent-encode the path once more and normalize `.`/`..`/`//` (every service but the S3 family).
   * @default the service's rule: false for s3, s3-object-lambda, s3-outposts, s3express; true otherwise
   */
  uriEscapePath?: boolean | undefined;
  /**
   * Add the signed `x-amz-content-sha256` header with the payload hash.
   * @default the service's rule: true for the S3 family, aoss and glacier; false otherwise
   */
  applyChecksum?: boolean | undefined;
  /**
   * Clock used for the signing date (the clock offset is added to it).
   * @default Date.now
   */
  now?: (() => Date | number) | undefined;
}

/**
 * Header input: a plain object, a `Headers` instance or `[name, value]` pairs.
 * Names are case-insensitive; array values are joined with `,`; `undefined` values are dropped.
 *
 * @example
 * ```ts
 * const headers: HeadersLike = { 'Content-Type': 'application/json', 'x-count': 3 };
 * ```
 */
export type HeadersLike =
  | Record<string, string | readonly string[] | number | undefined | null>
  | Headers
  | Iterable<readonly [string, string]>;

/**
 * A request body the signer can hash (or, for streams, sign as `UNSIGNED-PAYLOAD`).
 *
 * @example
 * ```ts
 * const body: SignableBody = JSON.stringify({ hello: 'world' });
 * ```
 */
export type SignableBody =
  | string
  | ArrayBuffer
  | ArrayBufferView
  | URLSearchParams
  | Blob
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>
  | null
  | undefined;

/**
 * A request to sign.
 *
 * @example
 * ```ts
 * const request: SignableRequest = { method: 'POST', url: 'https://abc.execute-api.eu-central-1.amazonaws.com/prod/items', body: '{}' };
 * ```
 */
export interface SignableRequest {
  /** HTTP method in any case. @default 'GET' */
  method?: string | undefined;
  /** Absolute http(s) URL. Signed in the form clients send it (WHATWG-serialized path and query). */
  url: string | URL;
  /** Request headers. */
  headers?: HeadersLike | undefined;
  /** Request body. */
  body?: SignableBody;
}

/**
 * The result of {@link Signer.sign}: what to send.
 *
 * @example
 * ```ts
 * const { method, url, headers, body } = await signer.sign(request);
 * await fetch(url, { method, headers, body });
 * ```
 */
export interface SignedRequest {
  /** Upper-case method. */
  method: string;
  /**
   * The URL that was signed, as clients send it: the WHATWG serialization of the given URL (`new URL(url).href`)
   * without the fragment. Send this string; every client puts exactly its path and query on the request line.
   */
  url: string;
  /**
   * Lower-case header names: the caller's headers plus `x-amz-date`, `authorization`,
   * `x-amz-security-token` (temporary credentials) and `x-amz-content-sha256` (the service's rule, `applyChecksum`, unsigned payload, or the caller's own).
   * `host` is signed but only returned when the caller passed it.
   */
  headers: Record<string, string>;
  /** The body to send: the bytes that were hashed (a `URLSearchParams` body becomes its string). */
  body: SignableBody;
}

/**
 * A request to presign.
 *
 * @example
 * ```ts
 * const request: PresignRequest = { url: 'https://bucket.s3.eu-west-1.amazonaws.com/key.txt', expiresIn: 300 };
 * ```
 */
export interface PresignRequest {
  /** HTTP method. @default 'GET' */
  method?: string | undefined;
  /** Absolute http(s) URL, signed in the form clients send it (WHATWG-serialized); `X-Amz-*` parameters of an earlier presigning are replaced. */
  url: string | URL;
  /** Headers that the user of the link will send; all but `x-amz-*` ones are signed, those go to the query. */
  headers?: HeadersLike | undefined;
  /**
   * Body the user of the link will send, hashed into the signature; never read for S3 links, which sign `UNSIGNED-PAYLOAD`.
   * @default none: the empty payload (`UNSIGNED-PAYLOAD` for the S3 family)
   */
  body?: SignableBody;
  /** Seconds the link stays valid, at most 604800 (7 days). @default 900 */
  expiresIn?: number | undefined;
}

/**
 * How a request was (or would be) signed, for debugging a 403. Holds no secret.
 *
 * @example
 * ```ts
 * const info: SigningExplanation = await signer.explain(request);
 * console.log(info.canonicalRequest);
 * ```
 */
export interface SigningExplanation {
  /** The canonical request (compare it with the one in AWS's 403 answer). */
  canonicalRequest: string;
  /** The string to sign. */
  stringToSign: string;
  /** Hex signature. */
  signature: string;
  /** `date/region/service/aws4_request`. */
  credentialScope: string;
  /** Lower-case names of the signed headers, sorted. */
  signedHeaders: string[];
  /** Access key id (not secret). */
  accessKeyId: string;
  /** Region signed for. */
  region: string;
  /** Service signed for. */
  service: string;
  /** Signing time as `YYYYMMDDTHHMMSSZ`. */
  signingDate: string;
}

/**
 * A configured signer. Create one per API/target and reuse it: keys and credentials are cached in it.
 *
 * @example
 * ```ts
 * const signer: Signer = createSigner({ region: 'us-east-1', service: 'execute-api' });
 * const signed = await signer.sign({ method: 'GET', url: 'https://api.example.com/items' });
 * ```
 */
export interface Signer {
  /** Signs a request with an `Authorization` header. */
  sign(request: SignableRequest): Promise<SignedRequest>;
  /** Returns a presigned URL (signature in the query string). */
  presign(request: PresignRequest): Promise<string>;
  /** Returns the canonical request, string to sign and signature of a request, without secrets. */
  explain(request: SignableRequest): Promise<SigningExplanation>;
  /**
   * Sets the clock offset from a server's `Date` header (or a date), after a clock-skew 403.
   * Returns the new offset in milliseconds.
   */
  correctClockSkew(serverDate: string | Date | number): number;
  /** Milliseconds added to `now()` when signing. */
  clockOffset: number;
}
