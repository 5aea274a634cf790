// Public API of @sigv4/gateway. Only re-exports live here.
// Left out on purpose: the canonicalization helpers (internal, may change) and
// the gateway's own SigV4Error copy (recognize it with isSigV4Error from @sigv4/core).

export { echoHandler } from './api/echo-handler.js';
export { TEST_ACCOUNT_ID, TEST_API_KEY, TEST_CREDENTIALS, TEST_ROLE_ARN } from './constants.js';
export type { GatewayErrorCode } from './errors.js';
export { startGateway } from './start-gateway.js';
export type {
  Gateway,
  GatewayOptions,
  GatewayUser,
  ProxyEvent,
  ProxyHandler,
  ProxyResult,
  RecordedRequest,
} from './types.js';
export { parseRawRequest, type RawHttpRequest } from './verify/raw-request.js';
export type {
  AuthErrorType,
  KnownCredentials,
  VerifyFailure,
  VerifyOptions,
  VerifyResult,
  VerifySuccess,
} from './verify/types.js';
export { verifyRequest } from './verify/verify-request.js';
