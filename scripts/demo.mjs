#!/usr/bin/env node
// `npm run demo`: the seed's story in one command, offline.
//   1. start @sigv4/gateway (an IAM-authorized API Gateway + STS) on loopback,
//   2. get temporary credentials with fromAssumeRole (session1, 900 s) from its STS,
//   3. call the API with ky, fetch and axios (GET ?client=<name>, POST {client:"<name>"}, x-api-key),
//   4. print what came back, then 5. send one tampered request and print the 403 explaining why.
// Exits 0 only if the six calls succeeded and the tampered request was refused.
//
// `npm run demo -- --real` does the same against a real API Gateway (see README.md, "Demo against AWS").
// It runs on the built `dist` of every package (npm run demo builds first).
import { parseArgs } from 'node:util';
import { loadPackages } from './demo/packages.mjs';
import { startLocalTarget } from './demo/local-target.mjs';
import { realTarget } from './demo/real-target.mjs';
import { callWithEveryClient } from './demo/clients.mjs';
import { sendTamperedRequest } from './demo/tamper.mjs';
import { printCalls, printTampered, printVerdict } from './demo/report.mjs';

const { values } = parseArgs({ options: { real: { type: 'boolean', default: false } } });

const packages = await loadPackages();
const target = values.real ? await realTarget(packages) : await startLocalTarget(packages);
let ok = false;
try {
  console.log(target.description.join('\n'));
  const calls = await callWithEveryClient(packages, target);
  printCalls(calls);
  const tampered = await sendTamperedRequest(target);
  printTampered(tampered);
  ok = printVerdict(calls, tampered);
} finally {
  await target.close();
}
process.exitCode = ok ? 0 : 1;
