import { fileURLToPath } from 'node:url';

/** Folder of AWS's SigV4 test suite (aws-c-auth layout; see its README for the flags), read by core and gateway tests. */
export const SUITE_DIR = fileURLToPath(new URL('./sigv4-test-suite/v4/', import.meta.url));

/** A case's `context.json`. */
export interface SuiteContext {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  expiration_in_seconds: number;
  normalize: boolean;
  region: string;
  service: string;
  sign_body: boolean;
  timestamp: string;
  omit_session_token?: boolean;
}
