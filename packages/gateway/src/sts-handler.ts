import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseQuery } from './canonical-query.js';
import {
  DEFAULT_SESSION_SECONDS, MAX_SESSION_SECONDS, MIN_SESSION_SECONDS, STS_VERSION, TEST_ACCOUNT_ID,
} from './constants.js';
import { corsHeaders, isPreflight, preflightHeaders, receive, send, type Received } from './http-io.js';
import { uniqueId, type IdentityStore } from './identities.js';
import type { ResolvedGatewayOptions } from './normalize-options.js';
import { assumeRoleXml, callerIdentityXml, stsErrorXml } from './sts-xml.js';
import type { RecordedRequest } from './types.js';
import { bytesToText } from './uri-encode.js';
import { verifyRequest } from './verify-request.js';
import type { AuthErrorType, KnownCredentials } from './verify-types.js';

/** What the STS listener needs. @internal */
export interface StsContext {
  options: ResolvedGatewayOptions;
  identities: IdentityStore;
  requests: RecordedRequest[];
}

/** How STS (a query-protocol service) names the authorization failures. */
const STS_AUTH_ERRORS: Record<AuthErrorType, { code: string; status: number; message?: string }> = {
  MissingAuthenticationTokenException: { code: 'MissingAuthenticationToken', status: 403, message: 'Request is missing Authentication Token' },
  IncompleteSignatureException: { code: 'IncompleteSignature', status: 403 },
  InvalidSignatureException: { code: 'SignatureDoesNotMatch', status: 403 },
  UnrecognizedClientException: { code: 'InvalidClientTokenId', status: 403 },
  ExpiredTokenException: { code: 'ExpiredToken', status: 400 },
};

const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function randomKeyId(): string {
  let id = 'ASIA';
  for (const byte of randomBytes(16)) id += KEY_ALPHABET[byte % 32];
  return id;
}

function nowMs(options: ResolvedGatewayOptions): number {
  const now = options.now();
  return typeof now === 'number' ? now : now.getTime();
}

/** Form body (when form-encoded) merged over the query: STS reads both. */
function readParams(received: Received): Map<string, string> {
  const params = new Map<string, string>();
  const add = (raw: string) => {
    for (const { name, value } of parseQuery(raw)) params.set(bytesToText(name), bytesToText(value));
  };
  add(received.record.query);
  const type = received.record.headers['content-type'] ?? '';
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) add(received.record.body.toString('latin1'));
  return params;
}

/**
 * Serves one STS request: SigV4 (service `sts`), then AssumeRole or GetCallerIdentity.
 * @internal
 */
export async function handleStsRequest(ctx: StsContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { options, identities } = ctx;
  const received = await receive(req, 'sts');
  // Date comes from the gateway's clock, so clients can correct their skew against it
  res.setHeader('date', new Date(nowMs(options)).toUTCString());
  ctx.requests.push(received.record);
  const requestId = randomUUID();
  const xml = (status: number, body: string, errorType?: string) =>
    send(res, received.record, status, { ...corsHeaders(req), 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body, errorType);
  const error = (status: number, code: string, message: string) =>
    xml(status, stsErrorXml('Sender', code, message, requestId), code);

  if (isPreflight(req)) return send(res, received.record, 204, preflightHeaders(req), '');
  if (received.tooLarge) return error(413, 'RequestEntityTooLarge', 'Request body too large');

  const verified = verifyRequest(received.raw, {
    region: options.region,
    service: 'sts',
    resolveCredentials: identities.resolve,
    now: options.now,
  });
  if (!verified.ok) {
    const mapped = STS_AUTH_ERRORS[verified.errorType];
    return error(mapped.status, mapped.code, mapped.message ?? verified.message);
  }
  const caller = verified.credentials;
  const params = readParams(received);
  const action = params.get('Action');
  const version = params.get('Version');
  if (version !== undefined && version !== STS_VERSION) {
    return error(400, 'InvalidAction', `Could not find operation ${action ?? ''} for version ${version}`);
  }
  if (action === 'GetCallerIdentity') {
    return xml(200, callerIdentityXml(caller.arn ?? '', caller.caller ?? caller.accessKeyId, TEST_ACCOUNT_ID, requestId));
  }
  if (action !== 'AssumeRole') {
    return error(400, 'InvalidAction', `Could not find operation ${action ?? '(no Action)'} for version ${STS_VERSION}`);
  }

  const roleArn = params.get('RoleArn');
  const sessionName = params.get('RoleSessionName');
  const durationText = params.get('DurationSeconds');
  const duration = durationText === undefined ? DEFAULT_SESSION_SECONDS : Number(durationText);
  const invalid: string[] = [];
  if (roleArn === undefined) invalid.push("Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
  else if (roleArn.length < 20) invalid.push(`Value '${roleArn}' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20`);
  if (sessionName === undefined) invalid.push("Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");
  else if (!SESSION_NAME.test(sessionName)) {
    invalid.push(`Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64`);
  }
  if (!Number.isInteger(duration) || duration < MIN_SESSION_SECONDS) {
    invalid.push(`Value '${durationText}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to ${MIN_SESSION_SECONDS}`);
  } else if (duration > MAX_SESSION_SECONDS) {
    invalid.push(`Value '${durationText}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to ${MAX_SESSION_SECONDS}`);
  }
  if (invalid.length > 0 || roleArn === undefined || sessionName === undefined) {
    const count = invalid.length;
    return error(400, 'ValidationError', `${count} validation error${count === 1 ? '' : 's'} detected: ${invalid.join('; ')}`);
  }
  if (!options.roles.includes(roleArn)) {
    return error(403, 'AccessDenied', `User: ${caller.arn ?? caller.accessKeyId} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
  }

  const roleName = roleArn.slice(roleArn.lastIndexOf('/') + 1);
  const roleId = uniqueId('AROA', roleArn);
  const session: Required<Omit<KnownCredentials, 'expiration'>> & { expiration: number } = {
    accessKeyId: randomKeyId(),
    secretAccessKey: randomBytes(30).toString('base64'),
    // long and full of '/', '+' and '=' like a real token, so encoding bugs show
    sessionToken: `FwoGZXIvYXdzE//////////${randomBytes(240).toString('base64')}`,
    expiration: nowMs(options) + duration * 1000,
    arn: `arn:aws:sts::${TEST_ACCOUNT_ID}:assumed-role/${roleName}/${sessionName}`,
    caller: `${roleId}:${sessionName}`,
  };
  identities.sessions.set(session.accessKeyId, session);
  return xml(
    200,
    assumeRoleXml(
      {
        accessKeyId: session.accessKeyId,
        secretAccessKey: session.secretAccessKey,
        sessionToken: session.sessionToken,
        expiration: new Date(session.expiration),
        assumedRoleId: session.caller,
        arn: session.arn,
      },
      requestId,
    ),
  );
}
