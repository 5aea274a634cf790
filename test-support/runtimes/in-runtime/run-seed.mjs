// Entry run by Bun and Deno (runtimes.test support): the seed's story on the packages' built `dist`,
// resolved by package name through each runtime's own export conditions. Prints one JSON line.
//   argv[2]: JSON { apiUrl, apiKey, stsUrl, roleArn, region, masterCredentials }

import * as sigv4Axios from '@sigv4/axios';
import { createSigner, fromAssumeRole, isSigV4Error } from '@sigv4/core';
import * as sigv4Fetch from '@sigv4/fetch';
import * as sigv4Ky from '@sigv4/ky';
import axios from 'axios';
import ky from 'ky';
import { runSeedCalls, toErrorData } from './seed-calls.mjs';

const config = JSON.parse(process.argv[2]);
const runtime = typeof Deno === 'undefined' ? (typeof Bun === 'undefined' ? 'node' : 'bun') : 'deno';
const version = runtime === 'deno' ? Deno.version.deno : runtime === 'bun' ? Bun.version : process.versions.node;
/** Which file each package name resolved to here: shows the export condition the runtime picked. */
const resolved = Object.fromEntries(
  ['@sigv4/core', '@sigv4/fetch', '@sigv4/ky', '@sigv4/axios'].map((name) => [
    name,
    import.meta.resolve(name).replace(/^.*\/packages\//, 'packages/'),
  ]),
);

/**
 * The default credential chain (no `credentials` given): first with the keys the test put in
 * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, then with them removed from the environment.
 */
async function defaultChain() {
  const get = async () => {
    const signedFetch = sigv4Fetch.createSignedFetch({ region: config.region, service: 'execute-api' });
    const response = await signedFetch(`${config.apiUrl}?client=default-chain`, {
      headers: { 'x-api-key': config.apiKey },
    });
    return { status: response.status };
  };
  const fromEnv = await get().catch((error) => ({ error: toErrorData(error) }));
  delete process.env.AWS_ACCESS_KEY_ID;
  delete process.env.AWS_SECRET_ACCESS_KEY;
  const missing = await get().catch((error) => ({ error: toErrorData(error), isSigV4Error: isSigV4Error(error) }));
  return { fromEnv, missing };
}

// The seed's STS step: AssumeRole(RoleArn, RoleSessionName 'session1', DurationSeconds 900).
const credentials = fromAssumeRole({
  roleArn: config.roleArn,
  roleSessionName: 'session1',
  durationSeconds: 900,
  masterCredentials: config.masterCredentials,
  clientConfig: { region: config.region, endpoint: config.stsUrl },
});
let assumed;
try {
  const identity = await credentials();
  assumed = { accessKeyIdPrefix: identity.accessKeyId.slice(0, 4), expires: identity.expiration instanceof Date };
} catch (error) {
  assumed = { error: toErrorData(error) };
}
const signer = createSigner({ region: config.region, service: 'execute-api', credentials });
const rows = await runSeedCalls(
  { sigv4Fetch, sigv4Ky, ky, sigv4Axios, axios },
  { apiUrl: config.apiUrl, apiKey: config.apiKey, signer },
);
console.log(JSON.stringify({ runtime, version, resolved, assumed, rows, defaultChain: await defaultChain() }));
