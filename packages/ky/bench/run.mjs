// Adapter overhead: the same ky calls, signed and unsigned, against the local gateway, in one run.
//   npm run bench -w @sigv4/ky        (uses dist/: `npm run build` first; the root `npm run bench` does)
// The gateway runs in a child process. Unsigned calls get the gateway's 403 "Missing Authentication
// Token"; signed calls get a 200 with a body of the same size: both sides do one full round trip.
// Batches alternate signed / unsigned so that drift and other load on the machine hit both alike.
// Reported per call: wall time (best batch, i.e. the least disturbed by other load on the machine, and
// the median batch), client CPU and gateway CPU (medians). The gateway's extra CPU for signed calls is
// its signature verification: AWS does that, not the adapter.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createSigner } from '@sigv4/core';
import { TEST_API_KEY, TEST_CREDENTIALS } from '@sigv4/gateway';
import { withSigV4 } from '@sigv4/ky';
import ky2 from 'ky';
import ky1 from 'ky1';

const BATCHES = Number(process.env.BENCH_BATCHES ?? 30);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const CONCURRENCY = 16;
const TARGET = 0.15;

const child = spawn(process.execPath, [fileURLToPath(new URL('./gateway-process.mjs', import.meta.url))], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const replies = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
const { url } = JSON.parse((await replies.next()).value);
const gatewayCpu = async () => {
  child.stdin.write('cpu\n');
  return JSON.parse((await replies.next()).value).cpu;
};

const signerOptions = { region: 'eu-central-1', service: 'execute-api', credentials: TEST_CREDENTIALS };
const common = { headers: { 'x-api-key': TEST_API_KEY }, throwHttpErrors: false, retry: 0 };
const clients = [
  { name: 'ky 2', unsigned: ky2.create({ ...common, prefix: url }) },
  { name: 'ky 1', unsigned: ky1.create({ ...common, prefixUrl: url }) },
].map((c) => ({ ...c, signed: withSigV4(c.unsigned, signerOptions) }));
const calls = {
  'GET ?client=ky': (api, i) => api.get('items', { searchParams: { client: 'ky', i } }),
  'POST {client}': (api, i) => api.post('items', { json: { client: 'ky', i } }),
};

/** Per-call wall time, client CPU and gateway CPU (µs) of `n` calls, `concurrency` at a time. */
async function measure(api, call, n, concurrency, expected) {
  let next = 0;
  const gw0 = await gatewayCpu();
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const response = await call(api, next++);
        await response.arrayBuffer();
        if (response.status !== expected) throw new Error(`expected ${expected}, got ${response.status}`);
      }
    }),
  );
  const wall = Number(process.hrtime.bigint() - t0) / 1000 / n;
  const cpu = process.cpuUsage(cpu0);
  const gw = (await gatewayCpu()) - gw0;
  return { wall, cpu: (cpu.user + cpu.system) / n, gw: gw / n };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const summarize = (rs) => ({
  best: Math.min(...rs.map((r) => r.wall)),
  wall: median(rs.map((r) => r.wall)),
  cpu: median(rs.map((r) => r.cpu)),
  gw: median(rs.map((r) => r.gw)),
});

const rows = [];
for (const client of clients) {
  for (const [callName, call] of Object.entries(calls)) {
    for (const concurrency of [1, CONCURRENCY]) {
      await measure(client.unsigned, call, BATCH, concurrency, 403); // warm-up
      await measure(client.signed, call, BATCH, concurrency, 200);
      const unsigned = [];
      const signed = [];
      for (let batch = 0; batch < BATCHES; batch++) {
        unsigned.push(await measure(client.unsigned, call, BATCH, concurrency, 403));
        signed.push(await measure(client.signed, call, BATCH, concurrency, 200));
      }
      const u = summarize(unsigned);
      const s = summarize(signed);
      rows.push({
        client: client.name,
        call: callName,
        load: concurrency === 1 ? 'sequential' : `${concurrency} concurrent`,
        u,
        s,
        overhead: s.best / u.best - 1,
        medianOverhead: s.wall / u.wall - 1,
      });
    }
  }
}
child.stdin.end();
await once(child, 'exit');

// Client side alone: the same ky calls with a stub fetch (no socket, no gateway), so the only
// difference left is the adapter and the signer; a stub signer (fixed headers, no crypto) splits
// the two. CPU per call, median of batches.
const realSigner = createSigner(signerOptions);
const stubSigner = {
  ...realSigner,
  sign: async (request) => ({
    method: request.method,
    url: String(request.url),
    headers: {
      ...request.headers,
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDSTUB/20260101/eu-central-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date;x-api-key, Signature=0000000000000000000000000000000000000000000000000000000000000000',
      'x-amz-date': '20260101T000000Z',
    },
    body: request.body,
  }),
};
const stubFetch = async () => new Response('{"message":"Missing Authentication Token"}', { status: 200 });
const stubRows = [];
for (const [name, ky, base] of [
  ['ky 2', ky2, { prefix: url }],
  ['ky 1', ky1, { prefixUrl: url }],
]) {
  const unsigned = ky.create({ ...common, ...base, fetch: stubFetch });
  const signed = withSigV4(unsigned, { signer: realSigner });
  const adapterOnly = withSigV4(unsigned, { signer: stubSigner });
  for (const [callName, call] of Object.entries(calls)) {
    const cpuOf = async (api) => {
      const c0 = process.cpuUsage();
      for (let i = 0; i < 1000; i++) await (await call(api, i)).arrayBuffer();
      const c = process.cpuUsage(c0);
      return (c.user + c.system) / 1000;
    };
    await cpuOf(unsigned);
    await cpuOf(signed);
    await cpuOf(adapterOnly);
    const u = [];
    const s = [];
    const a = [];
    for (let batch = 0; batch < 15; batch++) {
      u.push(await cpuOf(unsigned));
      a.push(await cpuOf(adapterOnly));
      s.push(await cpuOf(signed));
    }
    stubRows.push({ client: name, call: callName, u: median(u), a: median(a), s: median(s) });
  }
}

const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
const us = (x) => `${x.toFixed(0)} µs`;
const cpus = os.cpus();
console.log(
  `@sigv4/ky bench, ${new Date().toISOString()}, node ${process.version}, ${cpus[0]?.model ?? 'cpu'} x${cpus.length}, ${os.platform()} ${os.release()}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  `${BATCHES} alternating batches of ${BATCH} calls each; per call: wall of the best batch (median batch), CPU medians\n`,
);
console.log(
  '| client | call | load | wall unsigned | wall signed | overhead best (median) | client CPU unsigned → signed | gateway CPU unsigned → signed |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(
    `| ${r.client} | ${r.call} | ${r.load} | ${us(r.u.best)} (${us(r.u.wall)}) | ${us(r.s.best)} (${us(r.s.wall)}) | ` +
      `${pct(r.overhead)} (${pct(r.medianOverhead)}) | ${us(r.u.cpu)} → ${us(r.s.cpu)} | ${us(r.u.gw)} → ${us(r.s.gw)} |`,
  );
}
console.log('\nClient side alone (stub fetch: no socket, no gateway), CPU per call, median of 15 batches of 1000:\n');
console.log(
  '| client | call | unsigned | signed | signing adds | of which the adapter (stub signer) | of which the signer |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of stubRows) {
  console.log(
    `| ${r.client} | ${r.call} | ${us(r.u)} | ${us(r.s)} | ${us(r.s - r.u)} | ${us(r.a - r.u)} | ${us(r.s - r.a)} |`,
  );
}
const worst = Math.max(...rows.map((r) => r.overhead));
console.log(
  `\nworst wall-time overhead (best batches) ${pct(worst)} (target <= ${pct(TARGET)}): ${worst <= TARGET ? 'OK' : 'OVER TARGET'}`,
);
