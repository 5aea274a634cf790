// Versus peers at 32 concurrent on loopback, by client CPU: @sigv4/axios vs aws4-axios, @sigv4/fetch vs
// aws-sigv4-fetch, @sigv4/ky vs ky with aws-sigv4-fetch as its fetch. A plain loopback server in a child
// process reads the body and answers 200 (signatures are proven against the gateway by the e2e tests), so
// the client process does the same work for both sides apart from signing.
// Measure: wall time and client CPU (process.cpuUsage) per request, rounds interleaving every client,
// median and spread (min–max); the ratio (peer / ours) is taken per round, then its median.
//   node --expose-gc scripts/bench/peers.mjs [--write]   (after `npm run build`; --write: into each RESULTS.md)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpus, loadavg, platform, release } from 'node:os';
import { fileURLToPath } from 'node:url';
import { attachSigV4 } from '@sigv4/axios';
import { createSignedFetch } from '@sigv4/fetch';
import { withSigV4 } from '@sigv4/ky';
import { createSignedFetcher } from 'aws-sigv4-fetch';
import { aws4Interceptor } from 'aws4-axios';
import axios from 'axios';
import ky from 'ky';
import { settleGarbage } from './adapter-cpu.mjs';
import { writeResultsSection } from './results-section.mjs';

const ROUNDS = Number(process.env.BENCH_PEER_ROUNDS ?? 13);
const PER_ROUND = Number(process.env.BENCH_PEER_REQUESTS ?? 400);
const CONCURRENCY = 32;
/** Target: requests per client-CPU-second at least this multiple of each peer's. */
export const TARGET_PEER_RATIO = 1.3;

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const region = 'eu-central-1';
const service = 'execute-api';
const QUERY = { limit: '25', sort: 'desc', filter: 'status:active', cursor: 'eyJpZCI6MTIzfQ' };
const DATA = {
  items: Array.from({ length: 14 }, (_, i) => ({ id: i, name: `item-${i}`, tags: ['a', 'b'], ok: true })),
};
const JSON_BODY = JSON.stringify(DATA);

function axiosClient(url, sign) {
  const api = axios.create({ baseURL: url, proxy: false });
  sign(api);
  return [() => api.get('/items', { params: QUERY }), () => api.post('/items', DATA)];
}

function fetchClient(url, send) {
  return [
    async () => (await send(`${url}/items?${new URLSearchParams(QUERY)}`)).arrayBuffer(),
    async () =>
      (
        await send(`${url}/items`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON_BODY,
        })
      ).arrayBuffer(),
  ];
}

function kyClient(api) {
  return [
    async () => (await api.get('items', { searchParams: QUERY })).arrayBuffer(),
    async () => (await api.post('items', { json: DATA })).arrayBuffer(),
  ];
}

/** Each pair: [ours, peer]. */
const pairs = (url) => ({
  axios: [
    ['@sigv4/axios', axiosClient(url, (api) => attachSigV4(api, { region, service, credentials }))],
    [
      'aws4-axios',
      axiosClient(url, (api) =>
        api.interceptors.request.use(aws4Interceptor({ instance: api, options: { region, service }, credentials })),
      ),
    ],
  ],
  fetch: [
    ['@sigv4/fetch', fetchClient(url, createSignedFetch({ region, service, credentials }))],
    ['aws-sigv4-fetch', fetchClient(url, createSignedFetcher({ region, service, credentials }))],
  ],
  ky: [
    ['@sigv4/ky', kyClient(withSigV4(ky.create({ prefix: url, retry: 0 }), { region, service, credentials }))],
    [
      'ky + aws-sigv4-fetch',
      kyClient(ky.create({ prefix: url, retry: 0, fetch: createSignedFetcher({ region, service, credentials }) })),
    ],
  ],
});

async function measure([get, post], n) {
  let next = 0;
  await settleGarbage(); // the previous client's garbage is not this one's
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) {
        const i = next++;
        await (i % 2 === 0 ? get() : post());
      }
    }),
  );
  const wall = Number(process.hrtime.bigint() - t0) / 1000 / n;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / n };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const spread = (xs, digits = 0) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

/** Measures every pair in interleaved rounds; returns rows per adapter. */
export async function measurePeers() {
  const server = spawn(
    process.execPath,
    [fileURLToPath(new URL('../../packages/fetch/bench/server-process.mjs', import.meta.url))],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  try {
    const [line] = await once(server.stdout, 'data');
    const { url } = JSON.parse(String(line));
    const all = Object.entries(pairs(url)).flatMap(([adapter, clients]) =>
      clients.map(([name, fns]) => ({ adapter, name, fns })),
    );
    for (const client of all) await measure(client.fns, 200); // warm-up: JIT, connections
    const samples = new Map(all.map((c) => [c.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      // the order rotates so that no client always runs after the same one
      for (let k = 0; k < all.length; k++) {
        const client = all[(k + round) % all.length];
        samples.get(client.name).push(await measure(client.fns, PER_ROUND));
      }
    }
    return Object.entries(pairs(url)).map(([adapter, [[ours], [peer]]]) => {
      const a = samples.get(ours);
      const b = samples.get(peer);
      return {
        adapter,
        ours,
        peer,
        oursWall: a.map((x) => x.wall),
        oursCpu: a.map((x) => x.cpu),
        peerWall: b.map((x) => x.wall),
        peerCpu: b.map((x) => x.cpu),
        cpuRatios: a.map((x, i) => b[i].cpu / x.cpu),
        wallRatios: a.map((x, i) => b[i].wall / x.wall),
      };
    });
  } finally {
    server.stdin.end();
    await once(server, 'exit');
  }
}

/** Markdown of {@link measurePeers}' rows, with machine, date and load. */
export function peersReport(rows) {
  const cpu = cpus();
  const lines = [
    `${new Date().toISOString()} — Node ${process.version}, ${cpu[0]?.model ?? 'cpu'} x${cpu.length}, ${platform()} ${release()}, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
    `${CONCURRENCY} concurrent on loopback (plain server in a child process), ${ROUNDS} interleaved rounds of ${PER_ROUND} requests; GET with a 4-parameter query and a ~1 KiB JSON POST alternate. Per request: median (min–max) over rounds; ratio = peer / ours per round, median (min–max). Each round starts after an untimed full GC.`,
    '',
    '| ours | peer | ours wall µs | peer wall µs | wall ratio | ours CPU µs | peer CPU µs | CPU ratio (target) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of rows) {
    const ratio = median(r.cpuRatios);
    lines.push(
      `| ${r.ours} | ${r.peer} | ${median(r.oursWall).toFixed(0)} (${spread(r.oursWall)}) | ${median(r.peerWall).toFixed(0)} (${spread(r.peerWall)}) | ${median(r.wallRatios).toFixed(2)}x (${spread(r.wallRatios, 2)}) | ${median(r.oursCpu).toFixed(0)} (${spread(r.oursCpu)}) | ${median(r.peerCpu).toFixed(0)} (${spread(r.peerCpu)}) | **${ratio.toFixed(2)}x** (${spread(r.cpuRatios, 2)}) >= ${TARGET_PEER_RATIO}x ${ratio >= TARGET_PEER_RATIO ? 'met' : 'NOT met'} |`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await measurePeers();
  console.log(`\nVersus peers (issue #15 target 4)\n${peersReport(rows)}\n`);
  if (process.argv.includes('--write')) {
    for (const row of rows)
      writeResultsSection(row.adapter, 'Versus peers at 32 concurrent (npm run bench)', peersReport([row]));
  }
}
