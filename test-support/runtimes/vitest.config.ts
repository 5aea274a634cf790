import { defineProject } from 'vitest/config';
import { workspaceAlias } from '../../vitest.shared.js';

// Bun, Deno and workerd run the built packages (`dist`, through each runtime's export conditions);
// the gateway runs here in Node, from source like every other test's.
export default defineProject({
  resolve: { alias: workspaceAlias },
  test: {
    name: 'runtimes',
    include: ['*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 150_000,
  },
});
