/**
 * API Gateway REST proxy-integration event (the fields a Lambda sees).
 * @public
 */
export interface ProxyEvent {
  resource: string;
  /** Path without the stage, percent-decoded (`/items/a b`). */
  path: string;
  httpMethod: string;
  /**
   * Names as received. This and the other name-keyed maps have no prototype, so names such as
   * `constructor` or `__proto__` are plain keys (`JSON.stringify` writes them; use `Object.hasOwn`, not `.hasOwnProperty`).
   */
  headers: Record<string, string> | null;
  multiValueHeaders: Record<string, string[]> | null;
  /** Decoded (`+` is a space); the last value wins. `null` without a query. */
  queryStringParameters: Record<string, string> | null;
  multiValueQueryStringParameters: Record<string, string[]> | null;
  pathParameters: Record<string, string> | null;
  stageVariables: null;
  requestContext: {
    accountId: string;
    apiId: string;
    resourcePath: string;
    httpMethod: string;
    path: string;
    stage: string;
    requestId: string;
    requestTimeEpoch: number;
    protocol: string;
    identity: {
      accessKey: string | null;
      accountId: string | null;
      caller: string | null;
      user: string | null;
      userArn: string | null;
      apiKey: string | null;
      sourceIp: string;
      userAgent: string | null;
    };
  };
  /** Text body, or base64 when `isBase64Encoded` (not valid UTF-8 or a binary content type). */
  body: string | null;
  isBase64Encoded: boolean;
}

/**
 * What a proxy-integration handler returns.
 * @public
 */
export interface ProxyResult {
  statusCode: number;
  headers?: Record<string, string | number | boolean>;
  multiValueHeaders?: Record<string, Array<string | number | boolean>>;
  body?: string;
  isBase64Encoded?: boolean;
}

/**
 * A handler behind the gateway (a Lambda with proxy integration).
 * @public
 */
export type ProxyHandler = (event: ProxyEvent) => ProxyResult | Promise<ProxyResult>;

/**
 * A long-term IAM user the gateway knows.
 * @public
 */
export interface GatewayUser {
  accessKeyId: string;
  secretAccessKey: string;
  /** @default `arn:aws:iam::123456789012:user/<accessKeyId>` */
  arn?: string;
  /** Makes these temporary credentials: requests must carry this `x-amz-security-token`. */
  sessionToken?: string;
  /** When the temporary credentials expire (Date or epoch ms). */
  expiration?: Date | number;
}

/**
 * Options of `startGateway`. Every field is optional.
 * @public
 */
export interface GatewayOptions {
  /** Region both APIs expect in the credential scope. @default 'eu-central-1' */
  region?: string | undefined;
  /** Service of the API's credential scope (STS always uses `sts`). @default 'execute-api' */
  service?: string | undefined;
  /** Stage: the first path segment of every API URL; '' serves at the root (like a custom domain mapping). @default 'dev' */
  stage?: string | undefined;
  /** When set, `x-api-key` must be one of these (403 `{"message":"Forbidden"}` otherwise). @default undefined */
  apiKeys?: readonly string[] | undefined;
  /** IAM users that exist. @default [TEST_CREDENTIALS] */
  users?: readonly GatewayUser[] | undefined;
  /** Role ARNs that users may assume through STS. @default [TEST_ROLE_ARN] */
  roles?: readonly string[] | undefined;
  /** The Lambda behind the API. @default the echo handler (`{ message: 'API Called', params, body, method }`) */
  handler?: ProxyHandler | undefined;
  /** Clock for signature windows and STS expirations. @default Date.now */
  now?: () => Date | number | undefined;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string | undefined;
  /** Port of the API (0 = any free port). STS listens on its own free port. @default 0 */
  port?: number | undefined;
  /** Port of STS. @default 0 */
  stsPort?: number | undefined;
  /** Accept `x-amz-content-sha256: UNSIGNED-PAYLOAD` (API Gateway does not). @default false */
  allowUnsignedPayload?: boolean | undefined;
  /** Refuse (403) a request without a signed `x-amz-content-sha256`, as OpenSearch Serverless (`aoss`) does. @default false */
  requirePayloadHash?: boolean | undefined;
  /** List `date` in `Access-Control-Expose-Headers`; `false` hides the server's clock from browsers, as many APIs do. @default true */
  exposeDateHeader?: boolean | undefined;
  /**
   * Answer the first `times` verified API requests with `status` (and `headers`, e.g. `Retry-After`)
   * instead of calling the handler: a flaky backend for retry tests.
   * @default undefined (never)
   */
  failFirst?: { times: number; status?: number | undefined; headers?: Record<string, string> | undefined } | undefined;
  /**
   * Milliseconds a client may take to send a whole request (headers and body); a request still
   * incomplete then (headers never ended, a body shorter than its `Content-Length`) is answered 408 and cut.
   * @default 10000
   */
  requestTimeout?: number | undefined;
  /** `requests` keeps only the latest this many (the CLI keeps 100). @default Infinity */
  maxRecordedRequests?: number | undefined;
  /** Each recorded `body` is cut to this many bytes (the CLI keeps 4096). @default Infinity */
  maxRecordedBodyBytes?: number | undefined;
}

/**
 * One request as it arrived on the wire, and how the gateway answered it.
 * @public
 */
export interface RecordedRequest {
  /** Which listener got it. */
  api: 'execute-api' | 'sts';
  method: string;
  /** Raw request-target: path and `?query` exactly as on the request line. */
  target: string;
  /** Raw path (no query). */
  path: string;
  /** Raw query string after `?`, '' when there is none. */
  query: string;
  /** `[name, value]` pairs in wire order, names in their original case. */
  rawHeaders: Array<[string, string]>;
  /** Lower-case names; repeated headers joined with ', '. No prototype: `constructor` is a plain key. */
  headers: Record<string, string>;
  /** Body bytes received (cut to `maxRecordedBodyBytes`); empty for a body over the 10 MB limit (answered 413). */
  body: Buffer;
  /** Status the gateway answered. */
  status: number;
  /** `x-amzn-ErrorType` (API) or STS error code of a refused request. */
  errorType?: string;
}

/**
 * A running gateway.
 * @public
 */
export interface Gateway {
  /** API base URL including the stage, e.g. `http://127.0.0.1:40123/dev`. */
  url: string;
  /** STS endpoint, e.g. `http://127.0.0.1:40124/`. */
  stsUrl: string;
  region: string;
  service: string;
  stage: string;
  /** Every request both listeners received (the latest `maxRecordedRequests`), oldest first. Clear with `requests.length = 0`. */
  requests: RecordedRequest[];
  /** Stops both listeners and drops open connections. */
  close(): Promise<void>;
}
