/**
 * Memoizes a dynamic `import()`: bundlers still split the module into a chunk loaded on first use, and
 * later calls await the same promise instead of looking the module up again; a failed load is retried.
 * @param load - `() => import('./module.js')`
 * @internal
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
