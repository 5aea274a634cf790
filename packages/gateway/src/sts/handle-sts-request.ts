import type { IncomingMessage, ServerResponse } from 'node:http';
import { STS_JSON_TARGET_PREFIX } from '../constants.js';
import { corsHeaders, isPreflight, preflightHeaders, send } from '../http/answer.js';
import type { Received } from '../http/receive.js';
import { type ListenerContext, startRequest } from '../http/start-request.js';
import { parseQuery } from '../verify/canonical-query.js';
import type { AuthErrorType } from '../verify/types.js';
import { bytesToText } from '../verify/uri-encode.js';
import { verifyRequest } from '../verify/verify-request.js';
import { runStsAction, type StsCall, type StsOutcome } from './sts-actions.js';
import { assumeRoleXml, callerIdentityXml, stsErrorXml } from './sts-xml.js';

/** How STS names the authorization failures. */
const STS_AUTH_ERRORS: Record<AuthErrorType, { code: string; status: number; message?: string }> = {
  MissingAuthenticationTokenException: {
    code: 'MissingAuthenticationToken',
    status: 403,
    message: 'Request is missing Authentication Token',
  },
  IncompleteSignatureException: { code: 'IncompleteSignature', status: 403 },
  InvalidSignatureException: { code: 'SignatureDoesNotMatch', status: 403 },
  UnrecognizedClientException: { code: 'InvalidClientTokenId', status: 403 },
  ExpiredTokenException: { code: 'ExpiredToken', status: 400 },
};

/**
 * The AWS SDK v3 STS client speaks the query protocol (form body, XML answers);
 * the JSON protocol (`X-Amz-Target: AWSSecurityTokenServiceV20110615.<Action>`,
 * `application/x-amz-json-1.0`) is accepted too, in case a later SDK switches.
 */
function isJsonProtocol(received: Received): boolean {
  return /^application\/x-amz-json-1\.[01]\b/i.test(received.record.headers['content-type'] ?? '');
}

function readCall(received: Received, json: boolean): StsCall | undefined {
  const params = new Map<string, string>();
  if (json) {
    const target = received.record.headers['x-amz-target'] ?? '';
    let body: unknown = {};
    try {
      body = received.raw.body.length ? (JSON.parse(Buffer.from(received.raw.body).toString('utf8')) as unknown) : {};
    } catch {
      return undefined;
    }
    if (typeof body !== 'object' || body === null) return undefined;
    for (const [k, v] of Object.entries(body))
      if (typeof v === 'string' || typeof v === 'number') params.set(k, String(v));
    return {
      action: target.startsWith(STS_JSON_TARGET_PREFIX) ? target.slice(STS_JSON_TARGET_PREFIX.length) : undefined,
      params,
    };
  }
  const add = (raw: string) => {
    for (const { name, value } of parseQuery(raw)) params.set(bytesToText(name), bytesToText(value));
  };
  add(received.record.query);
  if (/^application\/x-www-form-urlencoded\b/i.test(received.record.headers['content-type'] ?? '')) {
    add(Buffer.from(received.raw.body).toString('latin1'));
  }
  return { action: params.get('Action'), version: params.get('Version'), params };
}

function jsonBody(outcome: Exclude<StsOutcome, { ok: false }>): string {
  if (outcome.action === 'GetCallerIdentity') {
    return JSON.stringify({ Arn: outcome.arn, UserId: outcome.userId, Account: outcome.account });
  }
  return JSON.stringify({
    AssumedRoleUser: { Arn: outcome.arn, AssumedRoleId: outcome.assumedRoleId },
    Credentials: {
      AccessKeyId: outcome.accessKeyId,
      SecretAccessKey: outcome.secretAccessKey,
      SessionToken: outcome.sessionToken,
      Expiration: outcome.expiration.getTime() / 1000,
    },
  });
}

/**
 * Serves one STS request: SigV4 (service `sts`), then AssumeRole or GetCallerIdentity.
 * @internal
 */
export async function handleStsRequest(ctx: ListenerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { options, identities } = ctx;
  const { received, requestId, nowMs } = await startRequest(ctx, 'sts', req, res);
  const json = isJsonProtocol(received);
  const answer = (outcome: StsOutcome) => {
    const base = { ...corsHeaders(req), 'x-amzn-requestid': requestId };
    if (json) {
      const type = received.record.headers['content-type']?.split(';')[0] ?? 'application/x-amz-json-1.0';
      if (outcome.ok) return send(res, received, 200, { ...base, 'content-type': type }, jsonBody(outcome));
      const headers = { ...base, 'content-type': type, 'x-amzn-query-error': `${outcome.code};Sender` };
      return send(
        res,
        received,
        outcome.status,
        headers,
        JSON.stringify({ __type: outcome.code, message: outcome.message }),
        outcome.code,
      );
    }
    const headers = { ...base, 'content-type': 'text/xml' };
    if (!outcome.ok) {
      return send(
        res,
        received,
        outcome.status,
        headers,
        stsErrorXml('Sender', outcome.code, outcome.message, requestId),
        outcome.code,
      );
    }
    const body =
      outcome.action === 'AssumeRole'
        ? assumeRoleXml(outcome, requestId)
        : callerIdentityXml(outcome.arn, outcome.userId, outcome.account, requestId);
    return send(res, received, 200, headers, body);
  };
  const fail = (status: number, code: string, message: string) => answer({ ok: false, status, code, message });

  if (isPreflight(req)) return send(res, received, 204, preflightHeaders(req), '');
  if (received.tooLarge) return fail(413, 'RequestEntityTooLarge', 'Request body too large');

  const verified = verifyRequest(received.raw, {
    region: options.region,
    service: 'sts',
    resolveCredentials: identities.resolve,
    now: options.now,
  });
  if (!verified.ok) {
    const mapped = STS_AUTH_ERRORS[verified.errorType];
    return fail(mapped.status, mapped.code, mapped.message ?? verified.message);
  }
  const call = readCall(received, json);
  if (!call) return fail(400, 'SerializationException', 'The request body is not a JSON object.');
  return answer(runStsAction(call, verified.credentials, { roles: options.roles, identities, nowMs }));
}
