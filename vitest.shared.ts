import { fileURLToPath } from 'node:url';

/**
 * Tests import sibling packages from their TypeScript source, not from `dist`,
 * so a package's tests never depend on another package's build being fresh.
 * (test-support/runtimes/node.test.ts checks the built `dist` of every package on each promised Node major.)
 */
const src = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export const workspaceAlias = {
  '@sigv4/core': src('core'),
  '@sigv4/gateway': src('gateway'),
  '@sigv4/axios': src('axios'),
  '@sigv4/ky': src('ky'),
  '@sigv4/fetch': src('fetch'),
};
