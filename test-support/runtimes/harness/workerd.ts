// Node side of the workerd tests: bundle a Worker as Cloudflare's tooling does, serve it with the
// `workerd` binary from the npm registry, stop it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import {
  type BuiltinImport,
  findNodeBuiltinImports,
  isNodeBuiltin,
  REPO_ROOT,
} from '../../../scripts/browser/bundle.mjs';
import { packageDir, type RuntimeProbe } from './runtime-process.js';

/** The esbuild settings of a Workers build without `nodejs_compat` (Cloudflare's Vite plugin, wrangler). */
export const WORKERD_BUILD = {
  bundle: true,
  platform: 'neutral',
  conditions: ['workerd', 'worker', 'browser'],
  mainFields: ['module', 'main'],
  format: 'esm',
} as const satisfies BuildOptions;

/** The Worker's compatibility date; no compatibility flags, so no `nodejs_compat`. */
export const COMPATIBILITY_DATE = '2025-09-01';

const WORKERD_DIR = packageDir('workerd');
const WORKERD_BIN = WORKERD_DIR && join(WORKERD_DIR, 'bin/workerd');

/** Whether the `workerd` devDependency's binary runs here, and its version. */
export function probeWorkerd(): RuntimeProbe {
  if (!WORKERD_BIN || !existsSync(WORKERD_BIN))
    return { ok: false, reason: 'the workerd package or its binary is not installed (npm ci installs it)' };
  const result = spawnSync(WORKERD_BIN, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0)
    return { ok: false, reason: `${WORKERD_BIN} --version failed: ${(result.error?.message ?? result.stderr).trim()}` };
  return { ok: true, version: result.stdout.trim().replace(/^workerd\s+/, ''), bin: WORKERD_BIN };
}

/**
 * Keeps Node built-ins as external imports instead of failing the build, so the test can name each
 * one and who imports it (esbuild alone stops at the first one with "Could not resolve").
 */
const recordNodeBuiltins: Plugin = {
  name: 'record-node-builtins',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) =>
      args.kind !== 'entry-point' && isNodeBuiltin(args.path) ? { path: args.path, external: true } : undefined,
    );
  },
};

export interface WorkerdBundle {
  code: string;
  /** Every Node built-in import left in the bundle, with its importer (`[]` is the goal). */
  nodeBuiltins: BuiltinImport[];
  /** Repository-relative path of every input file. */
  inputs: string[];
}

/**
 * Bundles `entry` (a file) or `contents` (an inline module resolved from the repository root) with
 * WORKERD_BUILD, or with other `conditions`.
 */
export async function bundleForWorkerd(options: {
  entry?: string;
  contents?: string;
  alias?: Record<string, string>;
  conditions?: string[];
  /** How `contents` is read. @default 'js' */
  loader?: 'js' | 'ts';
}): Promise<WorkerdBundle> {
  const result = await build({
    ...WORKERD_BUILD,
    // The repository's tsconfig maps @sigv4/* to sources for type checks; a Worker resolves the packages' builds.
    tsconfigRaw: {},
    conditions: options.conditions ?? [...WORKERD_BUILD.conditions],
    ...(options.entry
      ? { entryPoints: [options.entry] }
      : {
          stdin: {
            contents: options.contents ?? '',
            resolveDir: REPO_ROOT,
            sourcefile: `entry.${options.loader === 'ts' ? 'ts' : 'mjs'}`,
            loader: options.loader ?? 'js',
          },
        }),
    absWorkingDir: REPO_ROOT,
    ...(options.alias ? { alias: options.alias } : {}),
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [recordNodeBuiltins],
  });
  return {
    code: result.outputFiles[0]?.text ?? '',
    nodeBuiltins: findNodeBuiltinImports(result.metafile),
    inputs: Object.keys(result.metafile.inputs),
  };
}

const capnpString = (value: string): string => JSON.stringify(value);

function configText(bindings: Record<string, string>): string {
  const list = Object.entries(bindings).map(
    ([name, value]) => `(name = ${capnpString(name)}, text = ${capnpString(value)})`,
  );
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    # Loopback only: the gateway listens on 127.0.0.1.
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "${COMPATIBILITY_DATE}",
  bindings = [${list.join(', ')}],
  globalOutbound = "loopback",
);
`;
}

export interface RunningWorker {
  url: string;
  /** What workerd printed so far (for failure messages). */
  output(): string;
  close(): Promise<void>;
}

/**
 * Serves `code` (an ES module Worker) with workerd on 127.0.0.1:0; `bindings` become text bindings
 * (`env.NAME`, as Workers secrets and vars are). Resolves once workerd reports its port.
 */
export async function startWorkerd(options: {
  code: string;
  bindings: Record<string, string>;
  timeoutMs?: number;
}): Promise<RunningWorker> {
  if (!WORKERD_BIN) throw new Error('workerd is not installed: run npm ci');
  const timeoutMs = options.timeoutMs ?? 60_000;
  const dir = await mkdtemp(join(tmpdir(), 'sigv4-workerd-'));
  await writeFile(join(dir, 'worker.js'), options.code);
  await writeFile(join(dir, 'config.capnp'), configText(options.bindings));
  // fd 3 is workerd's control channel: it reports the port it bound there, as JSON lines.
  const child = spawn(WORKERD_BIN, ['serve', join(dir, 'config.capnp'), '--control-fd=3'], {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let control = '';
      const timer = setTimeout(
        () => reject(new Error(`workerd did not listen within ${timeoutMs} ms: ${output}`)),
        timeoutMs,
      );
      (child.stdio[3] as Readable).on('data', (chunk: Buffer) => {
        control += chunk.toString();
        const lines = control.split('\n');
        control = lines.pop() ?? ''; // an unfinished line waits for the next chunk
        for (const line of lines) {
          if (!line.trim()) continue;
          const message = JSON.parse(line) as { event?: string; socket?: string; port?: number };
          if (message.event === 'listen' && message.socket === 'http' && message.port) {
            clearTimeout(timer);
            resolve(message.port);
          }
        }
      });
      child.once('exit', (status) => {
        clearTimeout(timer);
        reject(new Error(`workerd exited (${status}) before listening: ${output}`));
      });
    });
    return { url: `http://127.0.0.1:${port}`, output: () => output, close };
  } catch (error) {
    await close();
    throw error;
  }
}
