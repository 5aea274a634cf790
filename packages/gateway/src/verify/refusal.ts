import type { AuthErrorType, VerifyFailure } from './types.js';
import { bytesToText } from './uri-encode.js';

/** AWS's answer to an unknown access key or a missing/wrong session token. @internal */
export const INVALID_TOKEN = 'The security token included in the request is invalid.';
/** AWS's answer to an expired session. @internal */
export const EXPIRED_TOKEN = 'The security token included in the request is expired';

/** Builds a refusal (API Gateway answers every authorization failure with 403). @internal */
export function refuse(errorType: AuthErrorType, message: string, extra?: Partial<VerifyFailure>): VerifyFailure {
  return { ok: false, status: 403, errorType, message, ...extra };
}

/** The exact wording of AWS's signature-mismatch answer (JSON protocols, e.g. API Gateway). @internal */
export function signatureMismatchMessage(canonicalRequest: string, stringToSign: string): string {
  return (
    'The request signature we calculated does not match the signature you provided. ' +
    'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n' +
    `The Canonical String for this request should have been\n'${bytesToText(canonicalRequest)}'\n\n` +
    `The String-to-Sign should have been\n'${stringToSign}'\n`
  );
}
