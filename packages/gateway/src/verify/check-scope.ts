import { SCOPE_TERMINATOR } from '../constants.js';
import { type AuthFields, parseAmzDate } from './parse-auth.js';
import { refuse } from './refusal.js';
import type { VerifyFailure, VerifyOptions } from './types.js';
import { bytesToText } from './uri-encode.js';

/** The parts of `Credential=` once checked. @internal */
export interface Scope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  scope: string;
  dateMs: number;
}

/**
 * Checks the credential scope (five parts, date, region, service, terminator) and the request date format.
 * @internal
 */
export function checkScope(auth: AuthFields, options: VerifyOptions): Scope | VerifyFailure {
  const parts = auth.credential.split('/');
  if (parts.length !== 5) {
    return refuse(
      'IncompleteSignatureException',
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${bytesToText(auth.credential)}'`,
    );
  }
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string];
  const dateMs = parseAmzDate(auth.amzDate);
  if (Number.isNaN(dateMs)) {
    return refuse(
      'IncompleteSignatureException',
      `Date must be in ISO-8601 'basic format'. Got '${bytesToText(auth.amzDate)}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  }
  if (terminator !== SCOPE_TERMINATOR) {
    return refuse(
      'InvalidSignatureException',
      `Credential should be scoped with a valid terminator: '${SCOPE_TERMINATOR}', not '${bytesToText(terminator)}'. `,
    );
  }
  if (date !== auth.amzDate.slice(0, 8)) {
    return refuse(
      'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${bytesToText(date)}' != '${auth.amzDate.slice(0, 8)}', from '${auth.amzDate}'.`,
    );
  }
  if (region !== options.region) {
    return refuse(
      'InvalidSignatureException',
      `Credential should be scoped to a valid region, not '${bytesToText(region)}'. `,
    );
  }
  if (service !== options.service) {
    return refuse(
      'InvalidSignatureException',
      `Credential should be scoped to correct service: '${options.service}'. `,
    );
  }
  return { accessKeyId, date, region, service, scope: parts.slice(1).join('/'), dateMs };
}
