import { echoHandler } from './api/echo-handler.js';
import { TEST_ACCOUNT_ID, TEST_CREDENTIALS, TEST_ROLE_ARN } from './constants.js';
import { SigV4Error } from './errors.js';
import type { GatewayOptions, GatewayUser, ProxyHandler } from './types.js';

/** Every option of `startGateway` with its default. @internal */
export const DEFAULTS = {
  region: 'eu-central-1',
  service: 'execute-api',
  stage: 'dev',
  apiKeys: undefined as readonly string[] | undefined,
  users: [TEST_CREDENTIALS] as readonly GatewayUser[],
  roles: [TEST_ROLE_ARN] as readonly string[],
  handler: echoHandler as ProxyHandler,
  now: (() => Date.now()) as () => Date | number,
  host: '127.0.0.1',
  port: 0,
  stsPort: 0,
  allowUnsignedPayload: false,
  requirePayloadHash: false,
  exposeDateHeader: true,
  failFirst: undefined as GatewayOptions['failFirst'],
  requestTimeout: 10_000,
  maxRecordedRequests: Number.POSITIVE_INFINITY,
  maxRecordedBodyBytes: Number.POSITIVE_INFINITY,
};

/** Options after defaults, users with their ARN. @internal */
export type ResolvedGatewayOptions = Omit<typeof DEFAULTS, 'users'> & {
  users: ReadonlyArray<GatewayUser & { arn: string }>;
};

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function invalid(message: string): never {
  throw new SigV4Error('INVALID_OPTIONS', message);
}

function isPort(p: unknown): boolean {
  return Number.isInteger(p) && (p as number) >= 0 && (p as number) <= 65535;
}

/**
 * Checks the options and fills in defaults. Throws `SigV4Error` `INVALID_OPTIONS`.
 * @internal
 */
export function normalizeOptions(options: GatewayOptions = {}): ResolvedGatewayOptions {
  const o = { ...DEFAULTS, ...(definedOnly(options) as Partial<typeof DEFAULTS>) };
  for (const key of ['region', 'service', 'host'] as const) {
    if (typeof o[key] !== 'string' || o[key] === '')
      invalid(`\`${key}\` must be a non-empty string, got ${JSON.stringify(o[key])}.`);
  }
  if (typeof o.stage !== 'string' || !/^[A-Za-z0-9_-]*$/.test(o.stage)) {
    invalid(`\`stage\` may hold only letters, digits, '-' and '_' (got ${JSON.stringify(o.stage)}).`);
  }
  if (!isPort(o.port) || !isPort(o.stsPort)) invalid('`port` and `stsPort` must be integers from 0 to 65535.');
  if (
    typeof o.requestTimeout !== 'number' ||
    !(o.requestTimeout > 0) ||
    o.requestTimeout === Number.POSITIVE_INFINITY
  ) {
    invalid('`requestTimeout` must be a positive number of milliseconds.');
  }
  for (const key of ['maxRecordedRequests', 'maxRecordedBodyBytes'] as const) {
    if (typeof o[key] !== 'number' || !(o[key] >= 0))
      invalid(`\`${key}\` must be a number >= 0 (Infinity keeps everything).`);
  }
  if (typeof o.handler !== 'function') invalid('`handler` must be a function (event) => ({ statusCode, body }).');
  if (typeof o.now !== 'function') invalid('`now` must be a function returning a Date or epoch milliseconds.');
  if (
    o.apiKeys !== undefined &&
    (!Array.isArray(o.apiKeys) || o.apiKeys.some((k) => typeof k !== 'string' || k === ''))
  ) {
    invalid('`apiKeys` must be an array of non-empty strings.');
  }
  if (!Array.isArray(o.roles) || o.roles.some((r) => typeof r !== 'string' || !r.startsWith('arn:'))) {
    invalid('`roles` must be an array of role ARNs like "arn:aws:iam::123456789012:role/name".');
  }
  if (!Array.isArray(o.users)) invalid('`users` must be an array of { accessKeyId, secretAccessKey }.');
  const users = o.users.map((u, i) => {
    if (
      !u ||
      typeof u.accessKeyId !== 'string' ||
      !u.accessKeyId ||
      typeof u.secretAccessKey !== 'string' ||
      !u.secretAccessKey
    ) {
      invalid(`users[${i}] needs a non-empty \`accessKeyId\` and \`secretAccessKey\`.`);
    }
    if (u.sessionToken !== undefined && (typeof u.sessionToken !== 'string' || u.sessionToken === '')) {
      invalid(`users[${i}].sessionToken must be a non-empty string when given.`);
    }
    return { ...u, arn: u.arn ?? `arn:aws:iam::${TEST_ACCOUNT_ID}:user/${u.accessKeyId}` };
  });
  for (const key of ['allowUnsignedPayload', 'requirePayloadHash', 'exposeDateHeader'] as const) {
    if (typeof o[key] !== 'boolean') invalid(`\`${key}\` must be true or false.`);
  }
  return { ...o, users, handler: failingFirst(o.failFirst, o.handler) };
}

/** Wraps the handler so that the first `times` verified requests get `status` (a 5xx-once path for retry tests). */
function failingFirst(failFirst: GatewayOptions['failFirst'], handler: ProxyHandler): ProxyHandler {
  if (failFirst === undefined) return handler;
  const { times, status = 503, headers = {} } = failFirst;
  if (!Number.isInteger(times) || times < 0 || !Number.isInteger(status) || status < 100 || status > 599) {
    invalid('`failFirst` must be { times: whole number >= 0, status?: 100-599, headers? }.');
  }
  let left = times;
  return (event) => {
    if (left <= 0) return handler(event);
    left--;
    return { statusCode: status, headers: { ...headers }, body: JSON.stringify({ message: 'Service Unavailable' }) };
  };
}
