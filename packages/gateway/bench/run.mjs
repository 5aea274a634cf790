// Gateway benchmark (run after build: `npm run bench`). Prints one line per measure.
// Numbers are for information only; no test asserts on speed.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { parseRawRequest, startGateway, TEST_CREDENTIALS, verifyRequest } from '../dist/index.js';

const suite = new URL('../../../test-support/sigv4-test-suite/v4/', import.meta.url);
const vanilla = parseRawRequest(
  readFileSync(new URL('get-vanilla-query-order-key-case/header-signed-request.txt', suite)),
);
const options = {
  region: 'us-east-1',
  service: 'service',
  now: () => Date.parse('2015-08-30T12:36:00Z'),
  credentials: [{ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }],
};

function measure(name, iterations, fn) {
  for (let i = 0; i < Math.min(1000, iterations); i++) fn();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn();
  const ms = performance.now() - start;
  console.log(
    `${name}: ${Math.round((iterations / ms) * 1000)} ops/s (${((ms * 1000) / iterations).toFixed(1)} µs/op)`,
  );
}

measure('verifyRequest, header-signed GET (AWS suite case)', 20_000, () => {
  if (!verifyRequest(vanilla, options).ok) throw new Error('refused');
});

const big = { ...vanilla, body: Buffer.alloc(1024 * 1024, 0x61) };
measure('verifyRequest, 1 MB body (hash dominates; signature refused)', 200, () => verifyRequest(big, options));

const gw = await startGateway();
try {
  const url = new URL(`${gw.url}/bench?x=1`);
  const signer = new SignatureV4({
    credentials: TEST_CREDENTIALS,
    region: gw.region,
    service: gw.service,
    sha256: Sha256,
  });
  const signed = await signer.sign({
    method: 'GET',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query: { x: '1' },
    headers: { host: url.host },
  });
  const headers = Object.fromEntries(Object.entries(signed.headers).filter(([k]) => k !== 'host'));
  const latencies = [];
  const n = 2000;
  for (let i = 0; i < 200; i++) await (await fetch(url, { headers })).arrayBuffer();
  gw.requests.length = 0;
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    latencies.push(performance.now() - t);
    if (gw.requests.length > 1000) gw.requests.length = 0;
  }
  const total = performance.now() - start;
  latencies.sort((a, b) => a - b);
  const p = (q) => latencies[Math.floor(q * (latencies.length - 1))].toFixed(2);
  console.log(
    `signed GET over loopback (fetch, sequential): ${Math.round((n / total) * 1000)} req/s, p50 ${p(0.5)} ms, p99 ${p(0.99)} ms`,
  );
} finally {
  await gw.close();
}
