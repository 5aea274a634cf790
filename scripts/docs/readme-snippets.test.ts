/**
 * Docs that compile and run: every ```ts block of every README type-checks under strict TypeScript
 * (moduleResolution node16 and bundler) against the built packages, and the blocks marked
 * `<!-- snippet: run -->` run under Node against a started @sigv4/gateway and get only 2xx answers.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { startGateway, TEST_API_KEY, TEST_CREDENTIALS, TEST_ROLE_ARN } from '@sigv4/gateway';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSnippets } from './check-snippets.mjs';
import { ROOT, writeSnippets } from './extract-snippets.mjs';

const snippets = writeSnippets();
const run = promisify(execFile);

/** What a reader fills in for their own API, taken from the environment when a snippet runs. */
const RUNTIME_PRELUDE = 'const { API_URL, API_KEY, ROLE_ARN, STS_URL } = process.env;\n';

describe('README snippets', () => {
  it('finds the snippets of the root README and of every package README', () => {
    const readmes = new Set(snippets.map((s) => s.readme));
    expect([...readmes].sort()).toEqual([
      'README.md',
      'packages/axios/README.md',
      'packages/core/README.md',
      'packages/fetch/README.md',
      'packages/gateway/README.md',
      'packages/ky/README.md',
    ]);
  });

  for (const resolution of ['node16', 'bundler'] as const) {
    it(`type-check under strict TypeScript with moduleResolution ${resolution}`, { timeout: 60_000 }, () => {
      const errors = checkSnippets(snippets, resolution);
      expect(errors.join('\n'), `README snippets that do not compile:\n${errors.join('\n')}`).toBe('');
    });
  }
});

describe('runnable README snippets against @sigv4/gateway', () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    gateway = await startGateway({ apiKeys: [TEST_API_KEY] });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  const runnable = snippets.filter((s) => s.run);
  it('include the root README client snippets and the fromAssumeRole one', () => {
    expect(runnable.filter((s) => s.readme === 'README.md').length).toBeGreaterThanOrEqual(4);
  });

  for (const snippet of runnable) {
    it(`${snippet.readme}:${snippet.line} runs and gets only 2xx answers`, { timeout: 60_000 }, async () => {
      const source = ts.transpileModule(readFileSync(snippet.file, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
      }).outputText;
      const script = snippet.file.replace(/\.ts$/, '.mjs');
      writeFileSync(script, RUNTIME_PRELUDE + source);
      const before = gateway.requests.length;
      const result = await run(process.execPath, [script], {
        cwd: ROOT,
        timeout: 50_000,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          API_URL: gateway.url,
          API_KEY: TEST_API_KEY,
          ROLE_ARN: TEST_ROLE_ARN,
          STS_URL: gateway.stsUrl,
          AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_CONFIG_FILE: '/nonexistent/sigv4-docs-config',
          AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/sigv4-docs-credentials',
        },
      });
      expect(result.stderr).toBe('');
      const answers = gateway.requests.slice(before).map((r) => `${r.method} ${r.target} -> ${r.status}`);
      if (/\bAPI_URL\b/.test(source)) expect(answers.length).toBeGreaterThan(0);
      expect(answers.filter((a) => !/ -> 2\d\d$/.test(a))).toEqual([]);
    });
  }
});
