// Adapter overhead of @sigv4/axios, same run, against the local gateway (in a child process):
//   - unsigned axios (answered 403 "Missing Authentication Token": one full round trip too),
//   - axios + sigv4Interceptor (answered 200),
//   - axios + aws4-axios's aws4Interceptor, the incumbent (answered 200).
// Same instance config for all three; GET ?client=axios&i= (params) and POST { client, i } alternate.
//   npm run bench -w @sigv4/axios      (after `npm run build`; uses dist/)
// Rounds alternate between the three clients so that drift (JIT, GC, CPU frequency) hits all alike.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import axios from 'axios';
import { aws4Interceptor } from 'aws4-axios';
import { TEST_API_KEY, TEST_CREDENTIALS } from '@sigv4/gateway';
import { sigv4Interceptor } from '@sigv4/axios';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 300);
const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 600);
const CONCURRENCY = 32;
const TARGET_OVERHEAD = 0.15;
const TARGET_SPEED = 1.0;

const child = spawn(process.execPath, [fileURLToPath(new URL('./gateway-process.mjs', import.meta.url))], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const [line] = await once(child.stdout, 'data');
const { url } = JSON.parse(String(line));

const region = 'eu-central-1';
const service = 'execute-api';

function instance() {
  return axios.create({
    baseURL: url,
    headers: { 'x-api-key': TEST_API_KEY },
    proxy: false,
    validateStatus: () => true,
  });
}
const unsigned = instance();
const ours = instance();
ours.interceptors.request.use(sigv4Interceptor({ region, service, credentials: TEST_CREDENTIALS }));
const incumbent = instance();
incumbent.interceptors.request.use(
  aws4Interceptor({ instance: incumbent, options: { region, service }, credentials: TEST_CREDENTIALS }),
);

const clients = {
  unsigned: { api: unsigned, expected: 403 },
  '@sigv4/axios': { api: ours, expected: 200 },
  'aws4-axios': { api: incumbent, expected: 200 },
};

async function call({ api, expected }, i) {
  const response =
    i % 2 === 0
      ? await api.get('/items', { params: { client: 'axios', i } })
      : await api.post('/items', { client: 'axios', i });
  if (response.status !== expected) {
    throw new Error(`expected ${expected}, got ${response.status}: ${JSON.stringify(response.data)}`);
  }
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
try {
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
} finally {
  child.stdin.end();
  await once(child, 'exit');
}

const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
const us = (x) => `${x.toFixed(0)} µs`;
const cpu = os.cpus();
const lines = [
  '# @sigv4/axios bench',
  '',
  `${new Date().toISOString()} — node ${process.version}, axios ${axios.VERSION}, ${cpu[0]?.model ?? 'cpu'} x${cpu.length}, ${os.platform()} ${os.release()}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`,
  `${ROUNDS} alternating rounds, median per request; GET /items?client=axios&i= (params) and POST {client,i} (JSON) alternate; gateway in a child process.`,
  '',
  '| load | unsigned axios | @sigv4/axios | overhead vs unsigned | aws4-axios | @sigv4/axios req/s vs aws4-axios | signing CPU (ours) | signing CPU (aws4-axios) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
];
for (const r of rows) {
  const mine = r['@sigv4/axios'];
  const peer = r['aws4-axios'];
  lines.push(
    `| ${r.load} | ${us(r.unsigned.wall)} | ${us(mine.wall)} | ${pct(mine.wall / r.unsigned.wall - 1)} | ${us(peer.wall)} | ${(peer.wall / mine.wall).toFixed(2)}x | ${us(mine.cpu - r.unsigned.cpu)} | ${us(peer.cpu - r.unsigned.cpu)} |`,
  );
}
const worst = Math.max(...rows.map((r) => r['@sigv4/axios'].wall / r.unsigned.wall - 1));
const slowest = Math.min(...rows.map((r) => r['aws4-axios'].wall / r['@sigv4/axios'].wall));
lines.push(
  '',
  `worst wall-time overhead ${pct(worst)} (target <= ${pct(TARGET_OVERHEAD)}): ${worst <= TARGET_OVERHEAD ? 'OK' : 'OVER TARGET'}`,
  `lowest speed vs aws4-axios ${slowest.toFixed(2)}x (target >= ${TARGET_SPEED.toFixed(1)}x): ${slowest >= TARGET_SPEED ? 'OK' : 'UNDER TARGET'}`,
  '',
  'Unsigned requests are answered 403 by the gateway before any signature check; signed ones are verified (HMAC chain)',
  'and answered 200, so the overhead includes the gateway verifying the signature in its own process.',
  '"signing CPU" is the client CPU time per request above unsigned axios (process.cpuUsage, client process only).',
);
console.log(lines.join('\n'));
writeFileSync(new URL('./RESULTS.md', import.meta.url), `${lines.join('\n')}\n`);
