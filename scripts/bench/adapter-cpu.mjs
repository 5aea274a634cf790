// Client CPU each adapter adds per request over the same client unsigned, as a multiple of sign()'s own
// cost on the same two requests (GET with a query, ~1 KiB JSON POST), with no network:
//   - axios: a custom adapter that answers at once with a canned response,
//   - ky and fetch: the global fetch itself, with undici's global dispatcher replaced by a stub that reads
//     the request body (as a socket write would) and answers 200 at once, so what fetch does with the
//     arguments it is handed (a URL and init, or a Request) is measured as it happens in real use.
// Measure: process.cpuUsage per request, rounds interleaving every contender in short slices, median and spread (min-max).
//   node --expose-gc scripts/bench/adapter-cpu.mjs [axios|ky|fetch] [--write] [--control]
//   (after `npm run build`; --write: into each RESULTS.md; --control: each unsigned client twice, to show the noise floor)
import { cpus, loadavg, platform, release } from 'node:os';
import { sigv4Interceptor } from '@sigv4/axios';
import { createSigner } from '@sigv4/core';
import { createSignedFetch } from '@sigv4/fetch';
import { withSigV4 } from '@sigv4/ky';
import axios from 'axios';
import ky from 'ky';
import { writeResultsSection } from './results-section.mjs';

const ROUNDS = Number(process.env.BENCH_CPU_ROUNDS ?? 31);
const PER_ROUND = Number(process.env.BENCH_CPU_PER_ROUND ?? 2000);
/**
 * Each round runs the clients in this many slices, taking turns in a shuffled order, so that signed and
 * unsigned clients meet the same load from the rest of the machine, and each one's garbage collections and
 * finalizers fall as often in the slices of every other client as in its own.
 */
const SLICES = Number(process.env.BENCH_CPU_SLICES ?? 20);
/** Target: an adapter adds at most this multiple of sign()'s own cost over its unsigned client. */
export const TARGET_ADAPTER_RATIO = 1.5;

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const region = 'eu-central-1';
const service = 'execute-api';
const ORIGIN = 'https://abc123.execute-api.eu-central-1.amazonaws.com';
const QUERY = { limit: '25', sort: 'desc', filter: 'status:active', cursor: 'eyJpZCI6MTIzfQ' };
const GET_URL = `${ORIGIN}/prod/items?${new URLSearchParams(QUERY)}`;
const POST_URL = `${ORIGIN}/prod/items`;
const DATA = {
  items: Array.from({ length: 14 }, (_, i) => ({ id: i, name: `item-${i}`, tags: ['a', 'b'], ok: true })),
};
const JSON_BODY = JSON.stringify(DATA);

/** undici's dispatcher, replaced by one that reads the body and answers 200 with no body. */
const DISPATCHER = Symbol.for('undici.globalDispatcher.1');
const stubDispatcher = {
  dispatch(options, handler) {
    const answer = () => {
      handler.onConnect?.(() => {});
      handler.onHeaders?.(200, [Buffer.from('content-length'), Buffer.from('0')], () => {}, 'OK');
      handler.onComplete?.([]);
    };
    const body = options.body;
    if (body != null && typeof body === 'object' && typeof body[Symbol.asyncIterator] === 'function') {
      (async () => {
        for await (const _ of body);
        answer();
      })().catch((error) => handler.onError?.(error));
    } else {
      queueMicrotask(answer);
    }
    return true;
  },
  close: async () => {},
  destroy: async () => {},
};

/** Runs `fn` with the stub dispatcher in place of undici's. */
export async function withStubDispatcher(fn) {
  const previous = globalThis[DISPATCHER];
  globalThis[DISPATCHER] = stubDispatcher;
  try {
    return await fn();
  } finally {
    globalThis[DISPATCHER] = previous;
  }
}

const signer = () => createSigner({ region, service, credentials });

/** The two requests per client, alternated. */
export const contenders = {
  sign: () => {
    const s = signer();
    return [
      () => s.sign({ method: 'GET', url: GET_URL, headers: { accept: 'application/json, text/plain, */*' } }),
      () =>
        s.sign({
          method: 'POST',
          url: POST_URL,
          headers: { accept: 'application/json, text/plain, */*', 'content-type': 'application/json' },
          body: JSON_BODY,
        }),
    ];
  },
  axios: (signed) => {
    const canned = async (config) => ({ data: '', status: 200, statusText: 'OK', headers: {}, config, request: {} });
    const api = axios.create({ baseURL: `${ORIGIN}/prod`, adapter: canned });
    if (signed) api.interceptors.request.use(sigv4Interceptor({ region, service, credentials }));
    return [() => api.get('/items', { params: QUERY }), () => api.post('/items', DATA)];
  },
  ky: (signed) => {
    const base = ky.create({ prefix: `${ORIGIN}/prod`, retry: 0 });
    const api = signed ? withSigV4(base, { region, service, credentials }) : base;
    return [
      async () => (await api.get('items', { searchParams: QUERY })).arrayBuffer(),
      async () => (await api.post('items', { json: DATA })).arrayBuffer(),
    ];
  },
  fetch: (signed) => {
    const send = signed ? createSignedFetch({ region, service, credentials }) : (input, init) => fetch(input, init);
    return [
      async () => (await send(GET_URL, { headers: { accept: 'application/json' } })).arrayBuffer(),
      async () =>
        (
          await send(POST_URL, {
            method: 'POST',
            headers: { accept: 'application/json', 'content-type': 'application/json' },
            body: JSON_BODY,
          })
        ).arrayBuffer(),
    ];
  },
};

async function cpuPerRequest([get, post], n) {
  await settleGarbage(); // the previous contender's garbage is not this one's
  return cpuOfRequests([get, post], n) / n;
}

/** CPU (µs) of `n` requests, GET and POST alternating. */
async function cpuOfRequests([get, post], n) {
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await (i % 2 === 0 ? get() : post());
  const c = process.cpuUsage(c0);
  return c.user + c.system;
}

/**
 * One round: sign() alone as one block after a full GC (it is pure CPU, and pays for no client's garbage),
 * then every client `perRound` requests in {@link SLICES} slices, in an order shuffled each slice;
 * µs per request of each.
 */
async function measureRound(runs, perRound, random) {
  const total = runs.map(() => 0);
  const slice = Math.max(2, Math.round(perRound / SLICES / 2) * 2);
  const slices = Math.ceil(perRound / slice);
  await settleGarbage();
  total[0] = await cpuOfRequests(runs[0][1], slices * slice);
  await settleGarbage();
  const order = runs.map((_, i) => i).slice(1);
  for (let s = 0; s < slices; s++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    for (const i of order) total[i] += await cpuOfRequests(runs[i][1], slice);
  }
  return total.map((t) => t / (slices * slice));
}

/** A seeded pseudo-random generator (mulberry32), so that runs shuffle alike. */
function seeded(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A full GC and a turn of the event loop (undici's body cleanup runs in finalizers) before a round, untimed,
 * so that no contender pays for the garbage of the one measured before it. Needs `node --expose-gc`.
 */
export async function settleGarbage() {
  globalThis.gc?.();
  await new Promise((resolve) => setImmediate(resolve));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const spread = (xs) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;

/**
 * Measures `adapters` (each signed and unsigned) and sign() in interleaved rounds.
 * @returns rows per adapter: unsigned, signed, added CPU and the ratio added / sign(), each with its rounds
 */
export async function measureAdapterCpu(adapters = ['axios', 'ky', 'fetch'], { control = false } = {}) {
  return withStubDispatcher(async () => {
    const runs = [['sign()', contenders.sign()]];
    for (const name of adapters) {
      runs.push([`${name} unsigned`, contenders[name](false)], [`${name} signed`, contenders[name](true)]);
      if (control) runs.push([`${name} unsigned again`, contenders[name](false)]);
    }
    for (const [, fns] of runs) await cpuPerRequest(fns, 500); // warm-up
    const samples = Object.fromEntries(runs.map(([name]) => [name, []]));
    const random = seeded(15);
    for (let round = 0; round < ROUNDS; round++) {
      const cpu = await measureRound(runs, PER_ROUND, random);
      for (const [i, [name]] of runs.entries()) samples[name].push(cpu[i]);
    }
    const sign = samples['sign()'];
    return adapters.map((name) => {
      const unsigned = samples[`${name} unsigned`];
      const signed = samples[`${name} signed`];
      // per round: what signing adds over the unsigned client, divided by sign() of the same round
      const added = signed.map((s, i) => s - unsigned[i]);
      const ratios = added.map((a, i) => a / sign[i]);
      // the same for a second unsigned client: what the method reads where nothing was added
      const again = samples[`${name} unsigned again`];
      const noise = again?.map((a, i) => (a - unsigned[i]) / sign[i]);
      return { name, sign, unsigned, signed, added, ratios, noise };
    });
  });
}

/** What `node --cpu-prof` of each signed client (against its unsigned run) says is left, for a target not met. */
const PROFILE_NOTES = {
  axios:
    "Left in the profile: axios' promise chain for an async request interceptor, one more `normalize` for the `transformRequest` chain run before signing, `getUri`'s config merge that still joins baseURL and url, the URL parsed once by us and once more by the signer, and the allocations of the header walk (arrays and objects per header) that show as GC; the params serializer, the per-header AxiosHeaders lookups and the per-request wrappers are gone. Counted in instructions (valgrind), what the interceptor adds is about 1.3x sign(); in CPU time it is more, the rest being GC and memory.",
  ky: "Left in the profile: sign() itself costs two to three times more inside the ky flow than alone (thread CPU around the call): ky and undici keep much of each request alive past a scavenge (each `Request`'s signal and finalizer), so every scavenge is slow and the signer's allocations cost more there than in a loop of sign() alone. Then `signFetchRequest`'s `Request` path (core): it copies ky's headers into a `Headers`, which undici iterates and validates once more as `init.headers`. Calls with a body still run ky's hook machinery for the hook that notes ky's body (hooks merged per call, a frozen copy of the options); calls without one no longer do. A `fetch` option of the caller's is still handed a new `Request`, as ky hands it one.",
  fetch:
    "Left in the profile: with the `Request` gone (URL and init straight to fetch), the rest is spread thin: the init's `Headers` and URL parsed once more by us (fetch parses them again), the sign() promise chain (more microtasks), and more GC and undici work per request than the unsigned call; no single function stands out.",
};

/** Markdown of {@link measureAdapterCpu}'s rows, with machine, date and load. */
export function adapterCpuReport(rows) {
  const cpu = cpus();
  const lines = [
    `${new Date().toISOString()} — Node ${process.version}, ${cpu[0]?.model ?? 'cpu'} x${cpu.length}, ${platform()} ${release()}, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
    `Client CPU per request (process.cpuUsage), no network, median (min–max) of ${ROUNDS} rounds of ${PER_ROUND} per contender, sign() as one block, the clients in ${SLICES} slices that take turns in a shuffled order; GET with a 4-parameter query and a ~1 KiB JSON POST alternate.`,
    "axios: a custom adapter answers at once; ky and fetch: the global fetch with undici's dispatcher stubbed (reads the body, answers 200).",
    "Ratio = (signed client − unsigned client) / sign() alone, per round, median. sign() and the clients each start after an untimed full GC; within the clients' slices, collections fall where allocation triggers them.",
    '',
    '| adapter | sign() µs | unsigned µs | signed µs | added µs | added / sign() | target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  const noiseLines = [];
  for (const r of rows) {
    const ratio = median(r.ratios);
    if (r.noise) {
      noiseLines.push(
        `Noise floor (--control): ${r.name} unsigned measured twice, (second − first) / sign() = ${median(r.noise).toFixed(2)}x (${spread(r.noise)}).`,
      );
    }
    lines.push(
      `| ${r.name} | ${median(r.sign).toFixed(1)} (${spread(r.sign)}) | ${median(r.unsigned).toFixed(1)} (${spread(r.unsigned)}) | ${median(r.signed).toFixed(1)} (${spread(r.signed)}) | ${median(r.added).toFixed(1)} | **${ratio.toFixed(2)}x** (${spread(r.ratios)}) | <= ${TARGET_ADAPTER_RATIO}x ${ratio <= TARGET_ADAPTER_RATIO ? 'met' : 'NOT met'} |`,
    );
  }
  return [...lines, ...(noiseLines.length > 0 ? ['', ...noiseLines] : [])].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (typeof globalThis.gc !== 'function')
    console.warn('run with node --expose-gc: no contender then pays for the garbage of the one before it');
  const write = process.argv.includes('--write');
  const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const rows = await measureAdapterCpu(only.length > 0 ? only : undefined, {
    control: process.argv.includes('--control'),
  });
  const report = adapterCpuReport(rows);
  console.log(`\nAdapter CPU (issue #15 target 2)\n${report}\n`);
  if (write) {
    for (const row of rows) {
      const ratio = median(row.ratios);
      const note = ratio <= TARGET_ADAPTER_RATIO ? '' : `\n\n${PROFILE_NOTES[row.name]}`;
      const own = `${adapterCpuReport([row])}${note}`;
      writeResultsSection(row.name, 'Adapter CPU per request over the unsigned client (npm run bench)', own);
    }
  }
}
