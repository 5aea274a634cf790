// What only some requests need (a refusal, a failure, a form, a caller's Host, a charset, `signQuery`, a clock-skew
// resend), in one lazy chunk: each `import()` of its own costs more up front than the code it would keep out.

export { dropHost } from './drops-host.js';
export { labelCharset } from './label-charset.js';
export { presignAxiosRequest } from './query-signer.js';
export { readFormBody } from './read-form-body.js';
export { settleFailure } from './redact-error.js';
export { refuse } from './refuse.js';
export { resendOnClockSkew } from './skew-retry.js';
