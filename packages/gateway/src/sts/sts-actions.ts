import { randomBytes } from 'node:crypto';
import {
  DEFAULT_SESSION_SECONDS,
  MAX_CHAINED_SESSION_SECONDS,
  MAX_SESSION_SECONDS,
  MIN_SESSION_SECONDS,
  STS_VERSION,
  TEST_ACCOUNT_ID,
} from '../constants.js';
import type { KnownCredentials } from '../verify/types.js';
import { type IdentityStore, uniqueId } from './identities.js';

/** An STS failure: HTTP status, STS error code, message. @internal */
export interface StsError {
  ok: false;
  status: number;
  code: string;
  message: string;
}

/** Issued temporary credentials. @internal */
export interface AssumeRoleResult {
  ok: true;
  action: 'AssumeRole';
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  assumedRoleId: string;
  arn: string;
}

/** Who called. @internal */
export interface CallerIdentityResult {
  ok: true;
  action: 'GetCallerIdentity';
  arn: string;
  userId: string;
  account: string;
}

/** @internal */
export type StsOutcome = StsError | AssumeRoleResult | CallerIdentityResult;

/** Parameters of an STS call, whatever the protocol carried them in. @internal */
export interface StsCall {
  action: string | undefined;
  version?: string | undefined;
  params: Map<string, string>;
}

const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function randomKeyId(): string {
  let id = 'ASIA';
  for (const byte of randomBytes(16)) id += KEY_ALPHABET[byte % 32];
  return id;
}

function stsError(status: number, code: string, message: string): StsError {
  return { ok: false, status, code, message };
}

/**
 * Runs AssumeRole or GetCallerIdentity for an authenticated caller, with STS's validation.
 * @internal
 */
export function runStsAction(
  call: StsCall,
  caller: KnownCredentials,
  env: { roles: readonly string[]; identities: IdentityStore; nowMs: number },
): StsOutcome {
  const { action, version } = call;
  if (version !== undefined && version !== STS_VERSION) {
    return stsError(400, 'InvalidAction', `Could not find operation ${action ?? ''} for version ${version}`);
  }
  if (action === 'GetCallerIdentity') {
    return {
      ok: true,
      action,
      arn: caller.arn ?? '',
      userId: caller.caller ?? caller.accessKeyId,
      account: TEST_ACCOUNT_ID,
    };
  }
  if (action !== 'AssumeRole') {
    return stsError(
      400,
      'InvalidAction',
      `Could not find operation ${action ?? '(no Action)'} for version ${STS_VERSION}`,
    );
  }

  const roleArn = call.params.get('RoleArn');
  const sessionName = call.params.get('RoleSessionName');
  const durationText = call.params.get('DurationSeconds');
  const duration = durationText === undefined ? DEFAULT_SESSION_SECONDS : Number(durationText);
  const invalid: string[] = [];
  if (roleArn === undefined)
    invalid.push("Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
  else if (roleArn.length < 20) {
    invalid.push(
      `Value '${roleArn}' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20`,
    );
  }
  if (sessionName === undefined)
    invalid.push("Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");
  else if (!SESSION_NAME.test(sessionName)) {
    invalid.push(
      `Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64`,
    );
  }
  if (!Number.isInteger(duration) || duration < MIN_SESSION_SECONDS) {
    invalid.push(
      `Value '${durationText}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to ${MIN_SESSION_SECONDS}`,
    );
  } else if (duration > MAX_SESSION_SECONDS) {
    invalid.push(
      `Value '${durationText}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to ${MAX_SESSION_SECONDS}`,
    );
  }
  if (invalid.length > 0 || roleArn === undefined || sessionName === undefined) {
    const count = invalid.length;
    return stsError(
      400,
      'ValidationError',
      `${count} validation error${count === 1 ? '' : 's'} detected: ${invalid.join('; ')}`,
    );
  }
  if (!env.roles.includes(roleArn)) {
    return stsError(
      403,
      'AccessDenied',
      `User: ${caller.arn ?? caller.accessKeyId} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    );
  }
  if (caller.sessionToken !== undefined && duration > MAX_CHAINED_SESSION_SECONDS) {
    return stsError(
      400,
      'ValidationError',
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  }

  const roleName = roleArn.slice(roleArn.lastIndexOf('/') + 1);
  const roleId = uniqueId('AROA', roleArn);
  const session = {
    accessKeyId: randomKeyId(),
    secretAccessKey: randomBytes(30).toString('base64'),
    // long and full of '/', '+' and '=' like a real token, so encoding bugs show
    sessionToken: `FwoGZXIvYXdzE//////////${randomBytes(240).toString('base64')}`,
    expiration: env.nowMs + duration * 1000,
    arn: `arn:aws:sts::${TEST_ACCOUNT_ID}:assumed-role/${roleName}/${sessionName}`,
    caller: `${roleId}:${sessionName}`,
  };
  env.identities.sessions.set(session.accessKeyId, session);
  return {
    ok: true,
    action: 'AssumeRole',
    accessKeyId: session.accessKeyId,
    secretAccessKey: session.secretAccessKey,
    sessionToken: session.sessionToken,
    expiration: new Date(session.expiration),
    assumedRoleId: session.caller,
    arn: session.arn,
  };
}
