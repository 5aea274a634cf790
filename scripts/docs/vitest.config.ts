import { defineProject } from 'vitest/config';

// The README snippets are checked against the built packages, as a user's project sees them,
// so this project has no alias to the packages' sources.
export default defineProject({
  test: {
    name: 'docs',
    include: ['*.test.ts'],
  },
});
