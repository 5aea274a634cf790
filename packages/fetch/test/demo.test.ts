import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The demo runs on the built `dist` of every package, like `npm run demo` (npm test builds first).
const root = fileURLToPath(new URL('../../../', import.meta.url));
const demo = fileURLToPath(new URL('../../../scripts/demo.mjs', import.meta.url));
const missingDist = ['core', 'gateway', 'fetch', 'ky', 'axios'].filter(
  (name) => !existsSync(fileURLToPath(new URL(`../../${name}/dist/index.js`, import.meta.url))),
);
if (missingDist.length > 0) {
  console.warn(`demo test skipped: no dist for ${missingDist.join(', ')}; run \`npm run build\` (npm test does).`);
}

function runDemo(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [demo, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const withoutAwsEnv = () => {
  const env = { ...process.env };
  for (const name of ['API_URL', 'API_KEY', 'ROLE_ARN', 'AWS_REGION', 'AWS_DEFAULT_REGION']) delete env[name];
  return env;
};

describe.skipIf(missingDist.length > 0)('npm run demo (scripts/demo.mjs on the built packages)', () => {
  it('calls the local gateway with ky, fetch and axios, shows the tampered 403 and exits 0', {
    timeout: 60_000,
  }, async () => {
    const { code, stdout, stderr } = await runDemo([], withoutAwsEnv());

    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    for (const client of ['ky', 'fetch', 'axios']) {
      expect(stdout).toMatch(new RegExp(`^${client}\\s+GET\\s+200\\s+params \\{"client":"${client}"\\}`, 'm'));
      expect(stdout).toMatch(new RegExp(`^${client}\\s+POST\\s+200\\s+body \\{"client":"${client}"\\}`, 'm'));
    }
    expect(stdout.match(/^(ky|fetch|axios)\s+(GET|POST)\s+200\s/gm)).toHaveLength(6);
    expect(stdout).toContain('AssumeRole');
    expect(stdout).toMatch(/-> 403 InvalidSignatureException/);
    expect(stdout).toContain('The Canonical String for this request should have been');
    expect(stdout).toContain('The String-to-Sign should have been');
    expect(stdout).toContain('x-amz-security-token:<session token, redacted>');
    expect(stdout).toMatch(/OK: 6\/6 signed calls succeeded; tampered request refused \(403\)/);
  });

  it('with --real and no AWS settings, names each missing variable and exits 2 without calling AWS', {
    timeout: 30_000,
  }, async () => {
    const { code, stdout, stderr } = await runDemo(['--real'], withoutAwsEnv());

    expect(code).toBe(2);
    expect(stdout).toBe('');
    for (const name of ['API_URL', 'API_KEY', 'ROLE_ARN', 'AWS_REGION']) expect(stderr).toContain(`${name}:`);
  });
});
