/** What a masked session token reads as. */
const MASK = '[redacted]';

/** Objects visited at most: an error's graph (request, socket, agent) is finite but can be wide. */
const MAX_VISITED = 20_000;

/**
 * Whether an object still holds bytes to send: a live Node request whose header is not built or still queued
 * (`outputData`), a live stream with buffered writes, an undici dispatcher and its queue. Masking those would
 * change what goes on the wire.
 */
function isStillSending(value: object): boolean {
  const state = value as {
    _headerSent?: unknown;
    outputData?: unknown;
    _writableState?: { length?: unknown; buffered?: unknown };
    dispatch?: unknown;
    destroyed?: unknown;
  };
  if (typeof state.dispatch === 'function') return true;
  // A destroyed request or socket sends nothing more.
  if (state.destroyed === true) return false;
  if (state._headerSent === false) return true;
  if (Array.isArray(state.outputData) && state.outputData.length > 0) return true;
  const writable = state._writableState;
  return (
    typeof writable === 'object' &&
    writable !== null &&
    ((writable.length as number) > 0 || (Array.isArray(writable.buffered) && writable.buffered.length > 0))
  );
}

/**
 * Masks `secret` in every string reachable from `error` through own data properties (string and
 * symbol keys, enumerable or not), array items, `Headers` and a `Request`'s headers: what `util.inspect` at any depth,
 * `JSON.stringify` and `toJSON` can show. Getters are not called and read-only values are left alone.
 * The error is changed in place and returned.
 * @internal
 */
export function redactError<T>(error: T, secret: string): T {
  if (secret === '') return error;
  const visited = new Set<object>();
  const pending: unknown[] = [error];
  while (pending.length > 0 && visited.size < MAX_VISITED) {
    const value = pending.pop();
    // Bytes are skipped (inspect shows them as hex, never as text); functions are not data.
    if (
      typeof value !== 'object' ||
      value === null ||
      visited.has(value) ||
      ArrayBuffer.isView(value) ||
      value instanceof ArrayBuffer
    )
      continue;
    visited.add(value);
    if (isStillSending(value)) continue;
    if (typeof Headers !== 'undefined' && value instanceof Headers) {
      for (const [name, text] of [...value]) {
        if (text.includes(secret)) {
          try {
            value.set(name, text.split(secret).join(MASK));
          } catch {
            // Immutable headers (a Response's) cannot be masked; they never hold what was sent.
          }
        }
      }
      continue;
    }
    // A fetch Request keeps its headers behind a getter.
    if (typeof Request !== 'undefined' && value instanceof Request) pending.push(value.headers);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (!descriptor || !('value' in descriptor)) continue;
      const item: unknown = descriptor.value;
      if (typeof item === 'string') {
        if (descriptor.writable && item.includes(secret))
          (value as Record<PropertyKey, unknown>)[key] = item.split(secret).join(MASK);
      } else {
        pending.push(item);
      }
    }
    if (value instanceof Map) for (const entry of value) pending.push(entry);
    else if (value instanceof Set) for (const entry of value) pending.push(entry);
  }
  return error;
}
