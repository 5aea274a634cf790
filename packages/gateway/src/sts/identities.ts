import { createHash } from 'node:crypto';
import type { ResolvedGatewayOptions } from '../normalize-options.js';
import type { KnownCredentials } from '../verify/types.js';

/** A stable IAM-style unique id (`AIDA…`, `AROA…`) derived from a name. @internal */
export function uniqueId(prefix: string, seed: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const digest = createHash('sha256').update(seed).digest();
  let id = prefix;
  for (let i = 0; id.length < 21; i++) id += alphabet[(digest[i] ?? 0) % 32];
  return id;
}

/**
 * Everyone who can sign: the configured users and the STS sessions issued so far.
 * @internal
 */
export class IdentityStore {
  readonly sessions = new Map<string, KnownCredentials>();
  private readonly users = new Map<string, KnownCredentials>();

  constructor(options: ResolvedGatewayOptions) {
    for (const user of options.users) {
      this.users.set(user.accessKeyId, { ...user, caller: uniqueId('AIDA', user.arn) });
    }
  }

  /** Finds the credentials of an access key id (users first, then sessions). */
  readonly resolve = (accessKeyId: string): KnownCredentials | undefined =>
    this.users.get(accessKeyId) ?? this.sessions.get(accessKeyId);
}
