import { escapeUri } from '@smithy/core/protocols';
import { createScope, SignatureV4Base } from '@smithy/signature-v4';
import {
  CONTENT_SHA256_HEADER,
  DECLARED_PAYLOAD,
  DEFAULT_PRESIGN_EXPIRES_IN,
  EMPTY_SHA256,
  MAX_PRESIGN_EXPIRES_IN,
  UNSIGNED_PAYLOAD,
} from '../constants.js';
import { fail, MESSAGE_ARGS } from '../errors/fail.js';
import { isSigV4Error, SigV4Error } from '../errors/sigv4-error.js';
import { hmacSha256Hex, sha256Hex } from '../platform/node.js';
import { canonicalQueryComponent } from '../request/canonical-query.js';
import { ALGORITHM, computeSignature, formatDate } from './compute-signature.js';
import { readRequest } from './read-request.js';
import { getCanonicalHeaders } from './smithy-signer.js';

/**
 * What the modules loaded on first use (presign, explain, error redaction, presignFetchRequest) take from the rest of core.
 * They receive it as a value and import nothing at run time: a static import from a lazy module makes
 * bundlers move the code it shares with the entry into one more chunk, which every page loads up front.
 * @internal
 */
export const KIT = {
  SigV4Error,
  isSigV4Error,
  MESSAGE_ARGS,
  fail,
  readRequest,
  computeSignature,
  formatDate,
  createScope,
  /** smithy's signer base, for its canonical-path rules (canonical-path.ts). */
  SignatureV4Base,
  getCanonicalHeaders,
  sha256Hex,
  hmacSha256Hex,
  escapeUri,
  canonicalQueryComponent,
  ALGORITHM,
  CONTENT_SHA256_HEADER,
  DECLARED_PAYLOAD,
  EMPTY_SHA256,
  UNSIGNED_PAYLOAD,
  DEFAULT_PRESIGN_EXPIRES_IN,
  MAX_PRESIGN_EXPIRES_IN,
} as const;

/** The type of {@link KIT}. @internal */
export type Kit = typeof KIT;
