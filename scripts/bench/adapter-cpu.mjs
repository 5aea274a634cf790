// Client CPU each adapter adds per request over the same client unsigned, as a multiple of sign()'s own
// cost on the same two requests (GET with a query, ~1 KiB JSON POST), with no network:
//   - axios: a custom adapter that answers at once with a canned response,
//   - ky and fetch: the global fetch itself, with undici's global dispatcher replaced by a stub that reads
//     the request body (as a socket write would) and answers 200 at once, so what fetch does with the
//     arguments it is handed (a URL and init, or a Request) is measured as it happens in real use.
// Measure: process.cpuUsage per request, rounds interleaving every contender, median and spread (min-max).
//   node --expose-gc scripts/bench/adapter-cpu.mjs [axios|ky|fetch] [--write]   (after `npm run build`; --write: into each RESULTS.md)
import { cpus, loadavg, platform, release } from 'node:os';
import { sigv4Interceptor } from '@sigv4/axios';
import { createSigner } from '@sigv4/core';
import { createSignedFetch } from '@sigv4/fetch';
import { withSigV4 } from '@sigv4/ky';
import axios from 'axios';
import ky from 'ky';
import { writeResultsSection } from './results-section.mjs';

const ROUNDS = Number(process.env.BENCH_CPU_ROUNDS ?? 15);
const PER_ROUND = Number(process.env.BENCH_CPU_PER_ROUND ?? 2000);
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
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await (i % 2 === 0 ? get() : post());
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / n;
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
export async function measureAdapterCpu(adapters = ['axios', 'ky', 'fetch']) {
  return withStubDispatcher(async () => {
    const runs = [['sign()', contenders.sign()]];
    for (const name of adapters) {
      runs.push([`${name} unsigned`, contenders[name](false)], [`${name} signed`, contenders[name](true)]);
    }
    for (const [, fns] of runs) await cpuPerRequest(fns, 500); // warm-up
    const samples = Object.fromEntries(runs.map(([name]) => [name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, fns] of runs) samples[name].push(await cpuPerRequest(fns, PER_ROUND));
    }
    const sign = samples['sign()'];
    return adapters.map((name) => {
      const unsigned = samples[`${name} unsigned`];
      const signed = samples[`${name} signed`];
      // per round: what signing adds over the unsigned client, divided by sign() of the same round
      const added = signed.map((s, i) => s - unsigned[i]);
      const ratios = added.map((a, i) => a / sign[i]);
      return { name, sign, unsigned, signed, added, ratios };
    });
  });
}

/** What `node --cpu-prof` of each signed client (against its unsigned run) says is left, for a target not met. */
const PROFILE_NOTES = {
  axios:
    "Left in the profile: axios' promise chain for an async request interceptor, one more `normalize` for the `transformRequest` chain run before signing, `getUri`'s config merge that still joins baseURL and url, the URL parsed once by us and once more by the signer, and the allocations of the header walk (arrays and objects per header) that show as GC; the params serializer, the per-header AxiosHeaders lookups and the per-request wrappers are gone. Counted in instructions (valgrind), what the interceptor adds is about 1.3x sign(); in CPU time it is more, the rest being GC and memory.",
  ky: "Left in the profile: the signed client does more work inside undici and on the heap than the unsigned one (more GC and stream work per request, though it hands fetch a URL and bytes instead of a `Request`); `signFetchRequest` itself (a `Headers` copy, header re-encoding) and the `withSigV4` proxy and body-noting hook are small next to it. The `sigv4Hook` path still returns a new `Request`: ky's own cannot take `redirect: 'manual'` in place.",
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
    `Client CPU per request (process.cpuUsage), no network, median (min–max) of ${ROUNDS} interleaved rounds of ${PER_ROUND}; GET with a 4-parameter query and a ~1 KiB JSON POST alternate.`,
    "axios: a custom adapter answers at once; ky and fetch: the global fetch with undici's dispatcher stubbed (reads the body, answers 200).",
    'Ratio = (signed client − unsigned client) / sign() alone, per round, median. Each round starts after an untimed full GC, so no contender pays for the garbage of the one before it.',
    '',
    '| adapter | sign() µs | unsigned µs | signed µs | added µs | added / sign() | target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of rows) {
    const ratio = median(r.ratios);
    lines.push(
      `| ${r.name} | ${median(r.sign).toFixed(1)} (${spread(r.sign)}) | ${median(r.unsigned).toFixed(1)} (${spread(r.unsigned)}) | ${median(r.signed).toFixed(1)} (${spread(r.signed)}) | ${median(r.added).toFixed(1)} | **${ratio.toFixed(2)}x** (${spread(r.ratios)}) | <= ${TARGET_ADAPTER_RATIO}x ${ratio <= TARGET_ADAPTER_RATIO ? 'met' : 'NOT met'} |`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (typeof globalThis.gc !== 'function')
    console.warn('run with node --expose-gc: no contender then pays for the garbage of the one before it');
  const write = process.argv.includes('--write');
  const only = process.argv.slice(2).filter((arg) => arg !== '--write');
  const rows = await measureAdapterCpu(only.length > 0 ? only : undefined);
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
