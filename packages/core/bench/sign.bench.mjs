/**
 * `npm run bench -w packages/core`: our sign() against the hand-written seed helper, aws4 and aws4fetch,
 * and 1 MiB body hashing against raw node:crypto SHA-256. Runs over the built dist (npm run build first).
 * Prints a table and writes bench/RESULTS.md.
 *
 * Measure: CPU time per operation (process.cpuUsage, all threads, so WebCrypto's thread pool counts too),
 * in rounds that interleave every contender, reported as the median round. CPU time rather than wall time
 * because the machines this runs on are shared; ratios come from the same run.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { Sha256 as JsSha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import aws4 from 'aws4';
import { AwsClient } from 'aws4fetch';
import { createSigner } from '../dist/index.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const region = 'eu-central-1';
const service = 'execute-api';
const GET_URL =
  'https://abc123.execute-api.eu-central-1.amazonaws.com/prod/items?limit=25&sort=desc&filter=status%3Aactive&cursor=eyJpZCI6MTIzfQ';
const POST_URL = 'https://abc123.execute-api.eu-central-1.amazonaws.com/prod/items';
const JSON_BODY = JSON.stringify({
  items: Array.from({ length: 14 }, (_, i) => ({ id: i, name: `item-${i}`, tags: ['a', 'b'], ok: true })),
}).padEnd(1024, ' ');
const ONE_MIB = Buffer.alloc(1024 * 1024, 7);
const SIXTEEN_MIB_TEXT = 'x'.repeat(16 * 1024 * 1024);
const manyHeaders = (n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`x-custom-${i}`, `value ${i}`]));
const requests = {
  '100 headers': { method: 'GET', url: POST_URL, headers: manyHeaders(100), body: undefined },
  '1,000 headers': { method: 'GET', url: POST_URL, headers: manyHeaders(1000), body: undefined },
  'GET with query': { method: 'GET', url: GET_URL, headers: { accept: 'application/json' }, body: undefined },
  '1 KiB JSON POST': {
    method: 'POST',
    url: POST_URL,
    headers: { 'content-type': 'application/json' },
    body: JSON_BODY,
  },
};

/** The seed's helper, as people write it today: a new SignatureV4 with the pure-JS hash on every call. */
async function seedSignV4({ method, url, headers, body }) {
  const u = new URL(url);
  const query = {};
  u.searchParams.forEach((value, key) => {
    query[key] = value;
  });
  const signer = new SignatureV4({ credentials, region, service, sha256: JsSha256 });
  const signed = await signer.sign({
    method,
    hostname: u.hostname,
    path: u.pathname,
    query,
    protocol: u.protocol,
    headers: { host: u.hostname, ...headers },
    body,
  });
  return signed.headers;
}

const ours = createSigner({ region, service, credentials });
const awsClient = new AwsClient({ ...credentials, region, service });

function aws4Sign({ method, url, headers, body }) {
  const u = new URL(url);
  return aws4.sign(
    { method, host: u.host, path: `${u.pathname}${u.search}`, service, region, headers: { ...headers }, body },
    credentials,
  ).headers;
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 13);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 250);

/** CPU microseconds per call of `fn`, one round of about ROUND_MS. */
async function measure(fn, perRound) {
  const start = process.cpuUsage();
  for (let i = 0; i < perRound; i++) await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / perRound;
}

async function calibrate(fn) {
  const warmUntil = performance.now() + 300;
  for (let i = 0; i < 200 && performance.now() < warmUntil; i++) await fn();
  let n = 5;
  for (;;) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await fn();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (ms > 50) return Math.max(3, Math.round((n * ROUND_MS) / ms));
    n *= 2;
  }
}

async function run() {
  const tasks = [];
  for (const [name, request] of Object.entries(requests)) {
    tasks.push(
      [`${name} | @sigv4/core sign()`, () => ours.sign(request)],
      [`${name} | seed signV4() helper`, () => seedSignV4(request)],
      [`${name} | aws4`, () => aws4Sign(request)],
      [
        `${name} | aws4fetch`,
        () => awsClient.sign(request.url, { method: request.method, headers: request.headers, body: request.body }),
      ],
    );
  }
  tasks.push(
    [
      '16 MiB string body | @sigv4/core sign()',
      () => ours.sign({ method: 'PUT', url: POST_URL, body: SIXTEEN_MIB_TEXT }),
    ],
    [
      '16 MiB string body | raw node:crypto sha256 of its bytes',
      () => createHash('sha256').update(Buffer.from(SIXTEEN_MIB_TEXT)).digest('hex'),
    ],
    ['1 MiB body | @sigv4/core sign()', () => ours.sign({ method: 'PUT', url: POST_URL, body: ONE_MIB })],
    ['1 MiB body | raw node:crypto sha256', () => createHash('sha256').update(ONE_MIB).digest('hex')],
  );
  // BENCH_ONLY=<regex> keeps the matching rows (for a quick look; RESULTS.md is then partial).
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
  if (only) tasks.splice(0, tasks.length, ...tasks.filter(([name]) => only.test(name)));
  const perRound = new Map();
  for (const [name, fn] of tasks) perRound.set(name, await calibrate(fn));
  const samples = new Map(tasks.map(([name]) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of tasks) samples.get(name).push(await measure(fn, perRound.get(name)));
  }
  const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
  const cpuUs = new Map([...samples].map(([name, values]) => [name, median(values)]));
  return tasks.map(([name]) => {
    const [group, who] = name.split(' | ');
    const baseline =
      group === '1 MiB body'
        ? '1 MiB body | raw node:crypto sha256'
        : group === '16 MiB string body'
          ? '16 MiB string body | raw node:crypto sha256 of its bytes'
          : `${group} | seed signV4() helper`;
    const values = samples.get(name);
    return {
      group,
      who,
      cpuUs: cpuUs.get(name),
      min: Math.min(...values),
      max: Math.max(...values),
      opsPerCpuSecond: 1e6 / cpuUs.get(name),
      ratio: cpuUs.get(baseline) / cpuUs.get(name),
    };
  });
}

const rows = await run();
const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const table = [
  '| case | signer | CPU µs / op (min–max) | ops / CPU-second | speed vs baseline |',
  '| --- | --- | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.group} | ${r.who} | ${fmt(r.cpuUs, 1)} (${fmt(r.min, 1)}–${fmt(r.max, 1)}) | ${fmt(r.opsPerCpuSecond)} | ${fmt(r.ratio, 2)}x |`,
  ),
].join('\n');
const ratio = (group, who) => rows.find((r) => r.group === group && r.who === who)?.ratio ?? Number.NaN;
const versus = (group, who, peer) =>
  (rows.find((r) => r.group === group && r.who === peer)?.cpuUs ?? Number.NaN) /
  (rows.find((r) => r.group === group && r.who === who)?.cpuUs ?? Number.NaN);
const checks = [
  ['GET with query: sign() vs seed helper', ratio('GET with query', '@sigv4/core sign()'), 3],
  ['1 KiB JSON POST: sign() vs seed helper', ratio('1 KiB JSON POST', '@sigv4/core sign()'), 3],
  ['100 headers: sign() vs aws4', versus('100 headers', '@sigv4/core sign()', 'aws4'), 1],
  ['1,000 headers: sign() vs aws4', versus('1,000 headers', '@sigv4/core sign()', 'aws4'), 1],
  ['1 MiB body: sign() vs raw SHA-256', ratio('1 MiB body', '@sigv4/core sign()'), 0.9],
  ['16 MiB string body: sign() vs raw SHA-256 of its bytes', ratio('16 MiB string body', '@sigv4/core sign()'), 0.9],
];
const targets = checks
  .map(
    ([name, value, target]) =>
      `- ${name}: **${fmt(value, 2)}x** (target >= ${target}x) ${value >= target ? 'met' : 'NOT met'}`,
  )
  .join('\n');
const cpu = cpus();
const machine = `${cpu[0]?.model ?? 'unknown CPU'} x${cpu.length}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, ${platform()} ${release()}, Node ${process.version}`;
const report = `# @sigv4/core benchmark

Run: \`npm run bench -w packages/core\` (over the built \`dist\`; one run measures every row).
Measure: CPU time per operation (\`process.cpuUsage\`, all threads), median of ${ROUNDS} interleaved rounds of ~${ROUND_MS} ms each;
CPU time because the machine is shared (load average at the end of this run: ${loadavg()
  .map((l) => l.toFixed(1))
  .join(', ')}).
Ratios: sign() against aws4 for the rows with many headers (aws4's CPU / ours). Baselines: the seed's \`signV4()\` helper (a new smithy \`SignatureV4\` with \`@aws-crypto/sha256-js\` on every
call) for requests, raw \`node:crypto\` \`createHash('sha256')\` for the 1 MiB body (\`sign()\` of a PUT with that body).

- Date: ${new Date().toISOString()}
- Machine: ${machine}

${table}

Targets:
${targets}
`;
console.log(
  `\nCore (issue #15 target 3): ${new Date().toISOString()} — ${machine}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n${table}\n\n${targets}\n`,
);
writeFileSync(new URL('./RESULTS.md', import.meta.url), report);
console.log('wrote packages/core/bench/RESULTS.md');
