import { defineConfig } from 'vitest/config';

// One root run over every package, so `npm test` and .ci/run report a single total.
// Each package keeps its own tests beside its code (packages/<name>/test/*.test.ts); the tests
// that run the packages in other runtimes (Bun, Deno, workerd) are in test-support/runtimes.
export default defineConfig({
  test: {
    projects: ['packages/*', 'test-support/runtimes', 'scripts/docs'],
  },
});
