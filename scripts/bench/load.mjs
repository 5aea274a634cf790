// Load bench: 1,000 concurrent signed requests per adapter (axios, ky, fetch; their built dist) against
// @sigv4/gateway in a child process, with temporary credentials from the gateway's STS that are
// refreshed while half of the requests are in flight. Fails (exit 1) on any answer other than 200; prints the
// answers, the credential refreshes and the client's peak memory.
//   npm run bench            (builds, runs the package benches, then this one)
//   node scripts/bench/load.mjs   (after `npm run build`)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { attachSigV4 } from '@sigv4/axios';
import { createSigner, fromAssumeRole } from '@sigv4/core';
import { createSignedFetch } from '@sigv4/fetch';
import { TEST_API_KEY, TEST_CREDENTIALS, TEST_ROLE_ARN } from '@sigv4/gateway';
import { withSigV4 } from '@sigv4/ky';
import axios from 'axios';
import ky from 'ky';

const REQUESTS = Number(process.env.LOAD_REQUESTS ?? 1_000);
/** Credentials are handed out as expiring this long after the refresh margin: a refresh every so often, mid-flight. */
const REFRESH_EVERY_MS = Number(process.env.LOAD_REFRESH_MS ?? 50);
const REFRESH_MARGIN_MS = 5 * 60_000;
const MB = 1024 * 1024;

const service = 'execute-api';
/** Set in the process that runs one adapter: which one, and the gateway's URLs. */
const only = process.env.LOAD_ADAPTER;
const { url, stsUrl, region } = only ? JSON.parse(process.env.LOAD_GATEWAY) : {};

/** A signer whose credentials come from the gateway's STS and are refreshed every REFRESH_EVERY_MS. */
function refreshingSigner() {
  const assume = fromAssumeRole({
    roleArn: TEST_ROLE_ARN,
    masterCredentials: TEST_CREDENTIALS,
    clientConfig: { region, endpoint: stsUrl },
  });
  const stats = { refreshes: 0, tokens: new Set() };
  const credentials = async () => {
    const fresh = await assume();
    stats.refreshes += 1;
    stats.tokens.add(fresh.sessionToken);
    return { ...fresh, expiration: new Date(Date.now() + REFRESH_MARGIN_MS + REFRESH_EVERY_MS) };
  };
  return { signer: createSigner({ region, service, credentials }), stats };
}

/** Each adapter: one request, GET with a query (even i) or POST JSON (odd i); resolves to the status. */
const adapters = {
  axios(signer) {
    const api = axios.create({
      baseURL: url,
      headers: { 'x-api-key': TEST_API_KEY },
      proxy: false,
      validateStatus: () => true,
    });
    attachSigV4(api, { signer });
    return async (i) =>
      (i % 2 ? api.post('/items', { client: 'axios', i }) : api.get('/items', { params: { client: 'axios', i } })).then(
        (r) => r.status,
      );
  },
  ky(signer) {
    const api = withSigV4(
      ky.create({ headers: { 'x-api-key': TEST_API_KEY }, retry: 0, timeout: false, throwHttpErrors: false }),
      { signer },
    );
    return async (i) => {
      const response = await (i % 2
        ? api.post(`${url}/items`, { json: { client: 'ky', i } })
        : api.get(`${url}/items`, { searchParams: { client: 'ky', i } }));
      await response.arrayBuffer();
      return response.status;
    };
  },
  fetch(signer) {
    const signedFetch = createSignedFetch({ signer });
    return async (i) => {
      const response =
        i % 2
          ? await signedFetch(`${url}/items`, {
              method: 'POST',
              headers: { 'x-api-key': TEST_API_KEY, 'content-type': 'application/json' },
              body: JSON.stringify({ client: 'fetch', i }),
            })
          : await signedFetch(`${url}/items?client=fetch&i=${i}`, { headers: { 'x-api-key': TEST_API_KEY } });
      await response.arrayBuffer();
      return response.status;
    };
  },
};

/** Samples the process' memory until stopped; returns the peaks in bytes. */
function memorySampler() {
  const peak = { rss: 0, heapUsed: 0 };
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    peak.rss = Math.max(peak.rss, rss);
    peak.heapUsed = Math.max(peak.heapUsed, heapUsed);
  };
  sample();
  const timer = setInterval(sample, 5);
  return () => {
    clearInterval(timer);
    sample();
    return peak;
  };
}

/** Sends the burst through one adapter; returns its table row and whether every answer was 200. */
async function run(name) {
  const { signer, stats } = refreshingSigner();
  const send = adapters[name](signer);
  await send(0); // first credentials and connections, outside the measured burst
  const before = process.memoryUsage();
  const stop = memorySampler();
  const started = performance.now();
  const attempt = (i) => send(i).catch((error) => `${error?.name ?? 'Error'}: ${error?.message ?? error}`);
  // Half the burst goes out; once the credentials are due for refresh, the other half follows while the first is in flight.
  const first = Array.from({ length: REQUESTS / 2 }, (_, i) => attempt(i));
  await new Promise((resolve) => setTimeout(resolve, REFRESH_EVERY_MS));
  const second = Array.from({ length: REQUESTS - REQUESTS / 2 }, (_, i) => attempt(REQUESTS / 2 + i));
  const statuses = await Promise.all([...first, ...second]);
  const ms = performance.now() - started;
  const peak = stop();
  const count = (status) => statuses.filter((s) => s === status).length;
  const others = statuses.filter((s) => s !== 200 && s !== 403);
  const problems = [];
  if (count(200) !== REQUESTS)
    problems.push(`${count(403)} x 403, other answers: ${[...new Set(others)].slice(0, 5).join('; ')}`);
  if (stats.refreshes < 2) problems.push('the credentials were not refreshed during the burst');
  return {
    row: {
      adapter: name,
      requests: REQUESTS,
      'answered 200': count(200),
      'answered 403': count(403),
      other: others.length,
      'credential refreshes': stats.refreshes - 1,
      'peak rss MB': Number((peak.rss / MB).toFixed(1)),
      'peak heap MB': Number((peak.heapUsed / MB).toFixed(1)),
      'heap growth MB': Number(((peak.heapUsed - before.heapUsed) / MB).toFixed(1)),
      ms: Math.round(ms),
    },
    problems,
  };
}

if (only) {
  process.stdout.write(`${JSON.stringify(await run(only))}\n`);
  process.exit(0);
}

// Each adapter runs in a process of its own, so that its peak memory is its own.
const gateway = spawn(process.execPath, [fileURLToPath(new URL('./load-gateway.mjs', import.meta.url))], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
process.on('exit', () => gateway.kill());
const [line] = await once(gateway.stdout, 'data');
const rows = [];
let failed = false;
for (const name of Object.keys(adapters)) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LOAD_ADAPTER: name, LOAD_GATEWAY: String(line).trim() },
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const [code] = await once(child, 'exit');
  if (code !== 0) {
    failed = true;
    console.error(`${name}: the run exited with ${code}`);
    continue;
  }
  const { row, problems } = JSON.parse(out);
  rows.push(row);
  for (const problem of problems) console.error(`${name}: ${problem}`);
  if (problems.length > 0) failed = true;
}
gateway.stdin.end();
await once(gateway, 'exit');

console.log(
  `\nLoad: ${REQUESTS} concurrent signed requests per adapter, credentials refreshed while half were in flight (Node ${process.version})`,
);
console.table(rows);
console.log(
  failed ? 'FAILED: not every request was answered 200' : `OK: 0 x 403 in ${REQUESTS * rows.length} requests`,
);
process.exit(failed ? 1 : 0);
