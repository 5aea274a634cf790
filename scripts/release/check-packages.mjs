#!/usr/bin/env node
/**
 * Checks what `npm publish` would upload for every public workspace package, without publishing:
 * the tarball (`npm pack --dry-run --json`) holds package.json, README.md, LICENSE, CHANGELOG.md
 * and built files under dist/ only (no tests, benches or source maps), and package.json carries
 * the metadata a registry user relies on. Run after `npm run build`; exits 1 listing every problem.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REPOSITORY_URL = 'git+https://github.com/sigv4/sigv4.git';
const ALWAYS = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'];
const root = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
const problems = [];

for (const dir of readdirSync(`${ROOT}packages`)) {
  const manifest = JSON.parse(readFileSync(`${ROOT}packages/${dir}/package.json`, 'utf8'));
  if (manifest.private) continue;
  const say = (problem) => problems.push(`${manifest.name}: ${problem}`);

  if (manifest.license !== 'Apache-2.0') say('`license` must be "Apache-2.0"');
  if (
    manifest.repository?.type !== 'git' ||
    manifest.repository?.url !== REPOSITORY_URL ||
    manifest.repository?.directory !== `packages/${dir}`
  ) {
    say(`\`repository\` must be { type: "git", url: "${REPOSITORY_URL}", directory: "packages/${dir}" }`);
  }
  if (typeof manifest.homepage !== 'string' || !manifest.homepage.startsWith('https://')) say('`homepage` is missing');
  if (typeof manifest.bugs?.url !== 'string') say('`bugs.url` is missing');
  if (!Array.isArray(manifest.keywords) || manifest.keywords.length === 0) say('`keywords` is missing');
  if (manifest.engines?.node !== root.engines.node) say(`\`engines.node\` must be the root's "${root.engines.node}"`);
  if (manifest.publishConfig?.access !== 'public')
    say('`publishConfig.access` must be "public" (scoped packages publish as restricted otherwise)');

  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: `${ROOT}packages/${dir}`,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const files = pack.files.map((f) => f.path);
  for (const name of ALWAYS) if (!files.includes(name)) say(`the tarball has no ${name}`);
  for (const file of files) {
    if (ALWAYS.includes(file)) continue;
    if (!file.startsWith('dist/')) say(`the tarball holds ${file}, which users do not need (only dist/ is shipped)`);
    else if (file.endsWith('.map')) say(`the tarball holds ${file}, a source map whose sources are not shipped`);
    else if (/\.(test|spec|bench)\.|\/(test|bench)\//.test(file))
      say(`the tarball holds ${file}, a test or bench file`);
  }
  console.log(`${pack.id}: ${files.length} files, ${pack.size} B packed`);
}

if (problems.length > 0) {
  console.error(`\n${problems.length} packaging problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('every package is ready to publish');
