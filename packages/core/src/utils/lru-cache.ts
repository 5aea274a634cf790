/**
 * A map that keeps at most `limit` entries, dropping the least recently used one first.
 * @internal
 */
export interface LruCache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  readonly size: number;
}

/**
 * Makes an {@link LruCache}: a `Map` whose insertion order is kept as the order of use.
 * @param limit - the most entries it holds
 * @internal
 */
export function createLruCache<K, V>(limit: number): LruCache<K, V> {
  const entries = new Map<K, V>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > limit) entries.delete(entries.keys().next().value as K);
    },
    get size() {
      return entries.size;
    },
  };
}
