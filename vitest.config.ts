import { defineConfig } from 'vitest/config';

// One root run over every package, so `npm test` and .ci/run report a single total.
// Each package keeps its own tests beside its code (packages/<name>/test/*.test.ts).
export default defineConfig({
  test: {
    projects: ['packages/*', 'scripts/docs'],
  },
});
