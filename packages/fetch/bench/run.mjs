// Adapter overhead of @sigv4/fetch, same run, against a plain loopback server in a child process
// (so only the client's work is measured; the e2e tests prove the signatures against the gateway):
//   - the global fetch, unsigned, called as fetch(url, init) and as fetch(new Request(url, init))
//     (a signed fetch sends a Request, which costs undici more than (url, init)),
//   - createSignedFetch,
//   - aws4fetch's AwsClient.fetch, the incumbent signed fetch (retries off).
//   npm run bench -w @sigv4/fetch      (after `npm run build`; uses dist/)
// Rounds alternate between the three so that drift (JIT, GC, CPU frequency) hits all alike.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { createSigner } from '@sigv4/core';
import { createSignedFetch } from '@sigv4/fetch';
import { AwsClient } from 'aws4fetch';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 300);
const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 600);
const CONCURRENCY = 32;
const TARGET_OVERHEAD = 0.15;

const child = spawn(process.execPath, [fileURLToPath(new URL('./server-process.mjs', import.meta.url))], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const [line] = await once(child.stdout, 'data');
const { url } = JSON.parse(String(line));

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const region = 'eu-central-1';
const service = 'execute-api';
const aws4fetch = new AwsClient({ ...credentials, region, service, retries: 0 });
const clients = {
  unsigned: { fetch: (input, init) => fetch(input, init) },
  'unsigned Request': { fetch: (input, init) => fetch(new Request(input, init)) },
  '@sigv4/fetch': { fetch: createSignedFetch({ region, service, credentials }) },
  aws4fetch: { fetch: (input, init) => aws4fetch.fetch(input, init) },
};

const headers = { 'x-api-key': 'bench-api-key' };
async function call({ fetch }, i) {
  const response =
    i % 2 === 0
      ? await fetch(`${url}/items?client=fetch&i=${i}`, { headers })
      : await fetch(`${url}/items`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ client: 'fetch', i }),
        });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status}`);
}

/** Wall time and client CPU time of `n` calls, `concurrency` at a time, in µs per call. */
async function measure(client, n, concurrency) {
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await call(client, next++);
    }),
  );
  const wall = Number(process.hrtime.bigint() - t0) / 1000 / n;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / n };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const rows = [];
for (const [load, n, concurrency] of [
  ['sequential', SEQUENTIAL, 1],
  [`${CONCURRENCY} concurrent`, CONCURRENT, CONCURRENCY],
]) {
  const results = Object.fromEntries(Object.keys(clients).map((name) => [name, []]));
  for (const client of Object.values(clients)) await measure(client, 100, concurrency); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, client] of Object.entries(clients)) results[name].push(await measure(client, n, concurrency));
  }
  const summary = Object.fromEntries(
    Object.entries(results).map(([name, r]) => [
      name,
      { wall: median(r.map((x) => x.wall)), cpu: median(r.map((x) => x.cpu)) },
    ]),
  );
  rows.push({ load, ...summary });
}

child.stdin.end();
await once(child, 'exit');

const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
const us = (x) => `${x.toFixed(0)} µs`;
const lines = [
  `# @sigv4/fetch bench`,
  '',
  `${new Date().toISOString()} — node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, ${os.platform()} ${os.release()}, load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
  `${ROUNDS} alternating rounds, median per call; GET ?client=fetch&i= and POST {client,i} (JSON, x-api-key) alternate; plain loopback server in a child process.`,
  '',
  '| load | client | wall per call | client CPU per call | wall vs unsigned fetch |',
  '| --- | --- | --- | --- | --- |',
];
for (const r of rows) {
  for (const name of Object.keys(clients)) {
    lines.push(
      `| ${r.load} | ${name} | ${us(r[name].wall)} | ${us(r[name].cpu)} | ${pct(r[name].wall / r.unsigned.wall - 1)} |`,
    );
  }
}
lines.push(
  '',
  '| load | @sigv4/fetch vs aws4fetch (requests/s) | @sigv4/fetch vs unsigned fetch(Request) (wall) |',
  '| --- | --- | --- |',
);
for (const r of rows) {
  lines.push(
    `| ${r.load} | ${(r.aws4fetch.wall / r['@sigv4/fetch'].wall).toFixed(2)}x | ${pct(r['@sigv4/fetch'].wall / r['unsigned Request'].wall - 1)} |`,
  );
}
const worst = Math.max(...rows.map((r) => r['@sigv4/fetch'].wall / r.unsigned.wall - 1));
lines.push(
  '',
  `worst wall-time overhead ${pct(worst)} (target <= ${pct(TARGET_OVERHEAD)}): ${worst <= TARGET_OVERHEAD ? 'OK' : 'OVER TARGET'}`,
);
lines.push(
  '',
  'Client CPU is this process only (the server runs in its own). The gap between the two unsigned rows is what undici',
  'charges for a Request object; every Request-based signer (ours, aws4fetch) pays it.',
  'The machine is shared; compare the columns of one run, not runs with each other.',
);
// Client CPU per call without network: the same two requests handed to a stub fetch.
const stubResponse = new Response(null, { status: 204 });
const stub = async () => stubResponse;
const signer = createSigner({ region, service, credentials });
const offline = {
  'new Request(url, init) only': (input, init) => new Request(input, init),
  '@sigv4/core sign() only': (input, init) =>
    signer.sign({ method: init.method ?? 'GET', url: input, headers: init.headers, body: init.body }),
  'createSignedFetch, stub fetch': createSignedFetch({ signer }, { fetch: stub }),
  'aws4fetch sign() (builds the signed Request)': (input, init) => aws4fetch.sign(input, init),
};
async function cpuPerCall(fn, n) {
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    await (i % 2 === 0
      ? fn(`${url}/items?client=fetch&i=${i}`, { headers })
      : fn(`${url}/items`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ client: 'fetch', i }),
        }));
  }
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / n;
}
const offlineResults = Object.fromEntries(Object.keys(offline).map((name) => [name, []]));
for (const fn of Object.values(offline)) await cpuPerCall(fn, 500); // warm-up
for (let round = 0; round < 9; round++) {
  for (const [name, fn] of Object.entries(offline)) offlineResults[name].push(await cpuPerCall(fn, 2000));
}
lines.push(
  '',
  '## Client CPU per call without network (median of 9 rounds of 2000, same two requests)',
  '',
  '| what | CPU µs / call |',
  '| --- | ---: |',
);
for (const [name, r] of Object.entries(offlineResults)) lines.push(`| ${name} | ${median(r).toFixed(1)} |`);

console.log(lines.join('\n'));
writeFileSync(new URL('./RESULTS.md', import.meta.url), `${lines.join('\n')}\n`);
