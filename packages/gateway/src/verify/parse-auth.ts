import { createHash } from 'node:crypto';
import {
  ALGORITHM,
  AMZ_DATE_HEADER,
  AUTHORIZATION_HEADER,
  DATE_HEADER,
  QUERY_ALGORITHM,
  QUERY_CREDENTIAL,
  QUERY_DATE,
  QUERY_EXPIRES,
  QUERY_SIGNATURE,
  QUERY_SIGNED_HEADERS,
  QUERY_TOKEN,
  TOKEN_HEADER,
} from '../constants.js';
import { trimOws } from './canonical-headers.js';
import type { QueryParam } from './canonical-query.js';
import { bytesToText } from './uri-encode.js';

/** Signature fields read from the `Authorization` header or the presigned query. @internal */
export interface AuthFields {
  via: 'header' | 'query';
  credential: string;
  signedHeaders: string;
  signature: string;
  amzDate: string;
  expires?: string;
  sessionToken?: string;
}

/** A parse failure: message and error type as AWS words them. @internal */
export interface AuthParseError {
  errorType: 'MissingAuthenticationTokenException' | 'IncompleteSignatureException';
  message: string;
}

/** Finds every value of a header (case-insensitive name), in wire order. @internal */
export function headerValues(rawHeaders: ReadonlyArray<readonly [string, string]>, name: string): string[] {
  const values: string[] = [];
  for (const [rawName, value] of rawHeaders) if (rawName.toLowerCase() === name) values.push(value);
  return values;
}

const trimOwsOf = (value: string | undefined) => (value === undefined ? undefined : trimOws(value));

function firstParam(params: readonly QueryParam[], name: string): string | undefined {
  return params.find((p) => p.name === name)?.value;
}

/**
 * Reads the signature fields, or says what is missing, like AWS.
 * @internal
 */
export function parseAuth(
  rawHeaders: ReadonlyArray<readonly [string, string]>,
  query: readonly QueryParam[],
): AuthFields | AuthParseError {
  const authorization = headerValues(rawHeaders, AUTHORIZATION_HEADER)[0];
  if (authorization !== undefined) return parseAuthorizationHeader(authorization, rawHeaders);
  if (query.some((p) => p.name === QUERY_ALGORITHM || p.name === QUERY_SIGNATURE || p.name === QUERY_CREDENTIAL)) {
    return parseQueryAuth(query);
  }
  return { errorType: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' };
}

function parseAuthorizationHeader(
  value: string,
  rawHeaders: ReadonlyArray<readonly [string, string]>,
): AuthFields | AuthParseError {
  const trimmed = trimOws(value);
  const space = trimmed.indexOf(' ');
  const algorithm = space === -1 ? '' : trimmed.slice(0, space);
  const rest = space === -1 ? trimmed : trimmed.slice(space + 1);
  const fields = new Map<string, string>();
  for (const component of rest.split(',')) {
    const pair = trimOws(component);
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    if (eq === -1) {
      const digest = createHash('sha256').update(Buffer.from(value, 'latin1')).digest('base64');
      return {
        errorType: 'IncompleteSignatureException',
        message: `Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): '${digest}'.`,
      };
    }
    fields.set(trimOws(pair.slice(0, eq)), trimOws(pair.slice(eq + 1)));
  }
  if (algorithm !== ALGORITHM) {
    return {
      errorType: 'IncompleteSignatureException',
      message: `Unsupported AWS 'algorithm': '${bytesToText(algorithm)}'.`,
    };
  }
  const amzDate =
    trimOwsOf(headerValues(rawHeaders, AMZ_DATE_HEADER)[0]) ??
    dateHeaderToAmz(headerValues(rawHeaders, DATE_HEADER)[0]);
  let missing = '';
  for (const key of ['Credential', 'Signature', 'SignedHeaders']) {
    if (!fields.get(key)) missing += `Authorization header requires '${key}' parameter. `;
  }
  if (amzDate === undefined)
    missing += "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
  if (missing)
    return { errorType: 'IncompleteSignatureException', message: `${missing}Authorization=${bytesToText(value)}` };
  const sessionToken = trimOwsOf(headerValues(rawHeaders, TOKEN_HEADER)[0]);
  return {
    via: 'header',
    credential: fields.get('Credential') ?? '',
    signedHeaders: fields.get('SignedHeaders') ?? '',
    signature: fields.get('Signature') ?? '',
    amzDate: amzDate ?? '',
    ...(sessionToken === undefined ? {} : { sessionToken }),
  };
}

function parseQueryAuth(query: readonly QueryParam[]): AuthFields | AuthParseError {
  let missing = '';
  for (const name of [QUERY_ALGORITHM, QUERY_CREDENTIAL, QUERY_SIGNATURE, QUERY_SIGNED_HEADERS, QUERY_DATE]) {
    if (!firstParam(query, name)) missing += `AWS query-string parameters must include '${name}'. `;
  }
  if (missing)
    return { errorType: 'IncompleteSignatureException', message: `${missing}Re-examine the query-string parameters.` };
  const algorithm = firstParam(query, QUERY_ALGORITHM);
  if (algorithm !== ALGORITHM) {
    return {
      errorType: 'IncompleteSignatureException',
      message: `Unsupported AWS 'algorithm': '${bytesToText(algorithm ?? '')}'.`,
    };
  }
  const expires = firstParam(query, QUERY_EXPIRES);
  const sessionToken = firstParam(query, QUERY_TOKEN);
  return {
    via: 'query',
    credential: firstParam(query, QUERY_CREDENTIAL) ?? '',
    signedHeaders: firstParam(query, QUERY_SIGNED_HEADERS) ?? '',
    signature: firstParam(query, QUERY_SIGNATURE) ?? '',
    amzDate: firstParam(query, QUERY_DATE) ?? '',
    ...(expires === undefined ? {} : { expires }),
    ...(sessionToken === undefined ? {} : { sessionToken }),
  };
}

/** `Date: Sun, 30 Aug 2015 12:36:00 GMT` -> `20150830T123600Z`; an unparsable date is returned as is. */
function dateHeaderToAmz(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? trimOws(value) : formatAmzDate(ms);
}

/** ms since epoch -> ISO 8601 basic (`20150830T123600Z`). @internal */
export function formatAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** ISO 8601 basic -> ms since epoch, or NaN. @internal */
export function parseAmzDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return formatAmzDate(ms) === value ? ms : Number.NaN;
}
