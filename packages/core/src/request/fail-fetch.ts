import { fail, MESSAGE_ARGS } from '../errors/fail.js';
import type { MessageArgs, MessageKey } from '../errors/messages.js';
import type { SigV4Error, SigV4ErrorCode } from '../errors/sigv4-error.js';
import { lazy } from '../utils/lazy.js';

const loadMessages = /* @__PURE__ */ lazy(() => import('../errors/messages.js'));

/**
 * {@link fail} for the fetch path, which runs outside a signer's guard: the message is written here,
 * with the catalogue loaded by the first failure (if it cannot load, the message is the key).
 * @internal
 */
export async function failFetch<K extends MessageKey>(
  code: SigV4ErrorCode,
  key: K,
  args: MessageArgs<K>,
): Promise<SigV4Error> {
  const error = fail(code, key, args);
  const messages = await loadMessages().catch(() => undefined);
  messages?.wordMessage(error, MESSAGE_ARGS);
  return error;
}
