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
import { callWithEveryClient } from './demo/clients.mjs';
import { startLocalTarget } from './demo/local-target.mjs';
import { loadPackages } from './demo/packages.mjs';
import { realTarget } from './demo/real-target.mjs';
import { printCalls, printTampered, printVerdict } from './demo/report.mjs';
import { sendTamperedRequest } from './demo/tamper.mjs';

const USAGE = `usage: npm run demo [-- --real]
  (no flag)  offline, against @sigv4/gateway on loopback
  --real     against AWS: needs API_URL, API_KEY, ROLE_ARN, AWS_REGION and base credentials
             from the AWS default chain (see README.md, "Demo against AWS")`;

let values;
try {
  ({ values } = parseArgs({
    options: { real: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  }));
} catch (error) {
  console.error(`demo: ${error.message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

try {
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
} catch (error) {
  // Messages only: SigV4Error messages say what to fix and never hold secrets.
  console.error(`demo: ${error?.name === 'SigV4Error' ? `SigV4Error ${error.code}: ` : ''}${error?.message ?? error}`);
  if (error?.cause && !String(error.message).includes(error.cause.message))
    console.error(`  cause: ${error.cause.name ?? 'Error'}: ${error.cause.message ?? error.cause}`);
  process.exitCode = 1;
}
