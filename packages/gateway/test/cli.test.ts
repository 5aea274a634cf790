import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_CREDENTIALS } from '@sigv4/gateway';
import { afterEach, describe, expect, it } from 'vitest';
import { smithySign } from './support/smithy-sign.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
let child: ChildProcessWithoutNullStreams | undefined;

afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
});

/** Starts `sigv4-gateway` from source (tsx) and waits for its banner. */
function startCli(
  args: string[],
): Promise<{ proc: ChildProcessWithoutNullStreams; banner: string; output: () => string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: 'pipe' });
  child = proc;
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('Press Ctrl+C to stop.')) resolve({ proc, banner: out, output: () => out });
    });
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    proc.on('exit', (code) => reject(new Error(`CLI exited with ${code} before its banner: ${err}`)));
  });
}

function exitOf(proc: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
}

describe('sigv4-gateway CLI', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints its URLs and test credentials, serves signed requests and stops cleanly on ${signal}`, async () => {
      const { proc, banner, output } = await startCli(['--port', '0', '--region', 'us-west-2']);
      const api = /API:\s+(\S+)/.exec(banner)?.[1];
      const sts = /STS:\s+(\S+)/.exec(banner)?.[1];
      expect(api).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dev$/);
      expect(sts).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(banner).toContain(`AWS_ACCESS_KEY_ID=${TEST_CREDENTIALS.accessKeyId}`);
      expect(banner).toContain(`AWS_SECRET_ACCESS_KEY=${TEST_CREDENTIALS.secretAccessKey}`);
      // a long-running gateway keeps a bounded log
      expect(banner).toContain('Log:     the last 100 requests, bodies cut to 4096 bytes');

      const s = await smithySign({
        url: `${api}/ping`,
        credentials: TEST_CREDENTIALS,
        region: 'us-west-2',
        service: 'execute-api',
      });
      const res = await fetch(s.url, { ...s.init, headers: { ...s.init.headers, connection: 'close' } });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ message: 'API Called', params: null, body: null, method: 'GET' });

      const exited = exitOf(proc);
      proc.kill(signal);
      expect(await exited).toBe(0);
      expect(output()).toContain(`sigv4-gateway stopped (${signal})`);
    });
  }

  it('exits with status 2 and the usage on a bad --port', async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', 'abc'], { stdio: 'pipe' });
    child = proc;
    let err = '';
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
    expect(await exitOf(proc)).toBe(2);
    expect(err).toContain('--port must be a port number (0-65535), got "abc".');
    expect(err).toContain('Usage: sigv4-gateway');
  });
});
