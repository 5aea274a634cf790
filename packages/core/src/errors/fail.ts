import type { MessageArgs, MessageKey } from './messages.js';
import { SigV4Error, type SigV4ErrorCode } from './sigv4-error.js';

/** Where an error made by {@link fail} keeps its message's arguments until the signer words it. @internal */
export const MESSAGE_ARGS: unique symbol = Symbol.for('@sigv4/core.messageArgs');

/**
 * A {@link SigV4Error} whose message is written when it leaves the signer (from `messages.ts`, loaded
 * with the first failure). Only for code that runs inside a signer operation (`sign`, `presign`,
 * `explain`), whose guard writes the message.
 * @internal
 */
export function fail<K extends MessageKey>(
  code: SigV4ErrorCode,
  key: K,
  args: MessageArgs<K>,
  cause?: unknown,
): SigV4Error {
  const error = new SigV4Error(code, key, cause === undefined ? undefined : { cause });
  // Removed when the message is worded, before the error leaves the signer.
  (error as SigV4Error & { [MESSAGE_ARGS]?: unknown })[MESSAGE_ARGS] = args;
  return error;
}
