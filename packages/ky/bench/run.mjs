// Adapter overhead: the same ky calls, signed and unsigned, against the local gateway, in one run.
//   npm run bench -w @sigv4/ky        (after `npm run build`; uses dist/)
// The gateway runs in a child process. Unsigned calls get the gateway's 403 "Missing Authentication
// Token" (a body of the same size as the signed calls' 200), so both sides do one full round trip.
// Rounds alternate signed / unsigned so that drift (JIT, GC, CPU frequency) hits both alike.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { TEST_API_KEY, TEST_CREDENTIALS } from '@sigv4/gateway';
import ky2 from 'ky';
import ky1 from 'ky1';
import { withSigV4 } from '@sigv4/ky';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 300);
const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 600);
const CONCURRENCY = 32;
const TARGET = 0.15;

const child = spawn(process.execPath, [fileURLToPath(new URL('./gateway-process.mjs', import.meta.url))], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const [line] = await once(child.stdout, 'data');
const { url } = JSON.parse(String(line));

const signerOptions = { region: 'eu-central-1', service: 'execute-api', credentials: TEST_CREDENTIALS };
const common = { headers: { 'x-api-key': TEST_API_KEY }, throwHttpErrors: false, retry: 0 };
const clients = [
  { name: 'ky 2', unsigned: ky2.create({ ...common, prefix: url }) },
  { name: 'ky 1', unsigned: ky1.create({ ...common, prefixUrl: url }) },
].map((c) => ({ ...c, signed: withSigV4(c.unsigned, signerOptions) }));

const call = async (api, i, expected) => {
  const response = await (i % 2 === 0
    ? api.get('items', { searchParams: { client: 'ky', i } })
    : api.post('items', { json: { client: 'ky', i } }));
  await response.arrayBuffer();
  if (response.status !== expected) throw new Error(`expected ${expected}, got ${response.status}`);
};

/** Wall time and client CPU time of `n` calls, `concurrency` at a time, in µs per call. */
async function measure(api, n, concurrency, expected) {
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) await call(api, next++, expected);
  }));
  const wall = Number(process.hrtime.bigint() - t0) / 1000 / n;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / n };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const rows = [];
for (const client of clients) {
  for (const [mode, n, concurrency] of [['sequential', SEQUENTIAL, 1], [`${CONCURRENCY} concurrent`, CONCURRENT, CONCURRENCY]]) {
    await measure(client.unsigned, 100, concurrency, 403); // warm-up
    await measure(client.signed, 100, concurrency, 200);
    const unsigned = [];
    const signed = [];
    for (let round = 0; round < ROUNDS; round++) {
      unsigned.push(await measure(client.unsigned, n, concurrency, 403));
      signed.push(await measure(client.signed, n, concurrency, 200));
    }
    const u = { wall: median(unsigned.map((r) => r.wall)), cpu: median(unsigned.map((r) => r.cpu)) };
    const s = { wall: median(signed.map((r) => r.wall)), cpu: median(signed.map((r) => r.cpu)) };
    rows.push({ client: client.name, mode, u, s, overhead: s.wall / u.wall - 1 });
  }
}

child.stdin.end();
await once(child, 'exit');

const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
const us = (x) => `${x.toFixed(0)} µs`;
console.log(`@sigv4/ky bench — ${new Date().toISOString()} — node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, ${os.platform()} ${os.release()}`);
console.log(`${ROUNDS} alternating rounds; median per call; GET ?client=ky&i= and POST {client,i} alternate\n`);
console.log('| client | load | unsigned wall | signed wall | overhead (wall) | unsigned client CPU | signed client CPU | signing CPU |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(`| ${r.client} | ${r.mode} | ${us(r.u.wall)} | ${us(r.s.wall)} | ${pct(r.overhead)} | ${us(r.u.cpu)} | ${us(r.s.cpu)} | ${us(r.s.cpu - r.u.cpu)} |`);
}
const worst = Math.max(...rows.map((r) => r.overhead));
console.log(`\nworst wall-time overhead ${pct(worst)} (target <= ${pct(TARGET)}): ${worst <= TARGET ? 'OK' : 'OVER TARGET'}`);
