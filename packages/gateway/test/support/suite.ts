import { readdirSync, readFileSync } from 'node:fs';
import type { KnownCredentials, RawHttpRequest, VerifyOptions } from '@sigv4/gateway';
import { SUITE_DIR, type SuiteContext } from '../../../../test-support/sigv4-suite.js';

export { SUITE_DIR, type SuiteContext };

export interface SuiteCase {
  name: string;
  context: SuiteContext;
  /** Raw bytes of `header-signed-request.txt` / `query-signed-request.txt`. */
  signed: { header: Buffer; query: Buffer };
  canonical: { header: string; query: string };
}

export function loadSuite(): SuiteCase[] {
  return readdirSync(SUITE_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const file = (f: string) => readFileSync(`${SUITE_DIR}${d.name}/${f}`);
      return {
        name: d.name,
        context: JSON.parse(file('context.json').toString('utf8')) as SuiteContext,
        signed: { header: file('header-signed-request.txt'), query: file('query-signed-request.txt') },
        canonical: {
          header: file('header-canonical-request.txt').toString('latin1'),
          query: file('query-canonical-request.txt').toString('latin1'),
        },
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function caseCredentials(ctx: SuiteContext): KnownCredentials {
  return {
    accessKeyId: ctx.credentials.access_key_id,
    secretAccessKey: ctx.credentials.secret_access_key,
    ...(ctx.credentials.token ? { sessionToken: ctx.credentials.token } : {}),
  };
}

/**
 * Verifier options for a case: its region, service, credentials and time.
 * `normalize: false` cases were signed without path normalization, so they are
 * verified with `normalizePath: false`; `omit_session_token` cases appended the
 * token after signing, so `unsignedSessionToken` is set for them.
 */
export function caseOptions(ctx: SuiteContext, overrides: Partial<VerifyOptions> = {}): VerifyOptions {
  return {
    region: ctx.region,
    service: ctx.service,
    credentials: [caseCredentials(ctx)],
    now: () => new Date(ctx.timestamp),
    normalizePath: ctx.normalize,
    unsignedSessionToken: ctx.omit_session_token === true,
    ...overrides,
  };
}

export function cloneRequest(req: RawHttpRequest): RawHttpRequest {
  return {
    ...req,
    rawHeaders: req.rawHeaders.map(([n, v]) => [n, v] as [string, string]),
    body: Buffer.from(req.body),
  };
}
