// The root devDependencies `node` (Node 24, the toolchain) and `node22` (for the Node 22 tests) both
// declare a `node` binary, and npm links whichever it reaches last: point `.bin/node` at Node 24 again.
import { existsSync, lstatSync, readlinkSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

const bin = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'node_modules', '.bin');
const link = join(bin, 'node');
const target = join('..', 'node', 'bin', 'node');

if (existsSync(join(bin, target)) && process.platform !== 'win32') {
  const current = lstatSync(link, { throwIfNoEntry: false });
  if (!current?.isSymbolicLink() || readlinkSync(link) !== target) {
    if (current) unlinkSync(link);
    symlinkSync(target, link);
    console.log(`node_modules/.bin/node -> ${target} (the toolchain's Node 24)`);
  }
}
