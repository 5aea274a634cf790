// A Cloudflare Worker (no nodejs_compat) running the seed's story; bundled by workerd.test.ts the
// way Cloudflare's tooling bundles for workerd, then served by workerd. Configuration and secrets
// come in as bindings (`env`), as in a deployed Worker; GET / answers one JSON report.

import * as sigv4Axios from '@sigv4/axios';
import { createSigner, isSigV4Error } from '@sigv4/core';
import * as sigv4Fetch from '@sigv4/fetch';
import * as sigv4Ky from '@sigv4/ky';
import axios from 'axios';
import ky from 'ky';
import { runSeedCalls, toErrorData } from './seed-calls.mjs';
import { assumeRoleOverFetch } from './sts-over-fetch.mjs';

async function report(env) {
  // Long-term keys from secrets; the seed's AssumeRole (session1, 900 s) through STS over fetch.
  const secrets = { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY };
  const credentials = assumeRoleOverFetch({
    stsUrl: env.STS_URL,
    region: env.AWS_REGION,
    roleArn: env.ROLE_ARN,
    sessionName: 'session1',
    durationSeconds: 900,
    credentials: secrets,
  });
  const signer = createSigner({ region: env.AWS_REGION, service: 'execute-api', credentials });
  const target = { apiUrl: env.API_URL, apiKey: env.API_KEY, signer };
  const rows = await runSeedCalls(
    { sigv4Fetch, sigv4Ky, ky, sigv4Axios, axios, axiosConfig: { adapter: 'fetch' } },
    target,
  );

  // Keys straight from secrets, as the README's Workers example passes them.
  const fromSecrets = sigv4Fetch.createSignedFetch({
    region: env.AWS_REGION,
    service: 'execute-api',
    credentials: secrets,
  });
  const direct = await fromSecrets(`${env.API_URL}?client=secrets`, { headers: { 'x-api-key': env.API_KEY } });

  // No credentials at all: Workers have no default chain.
  let defaultChain;
  try {
    await createSigner({ region: env.AWS_REGION, service: 'execute-api' }).sign({ url: env.API_URL });
    defaultChain = { signed: true };
  } catch (error) {
    defaultChain = { error: toErrorData(error), isSigV4Error: isSigV4Error(error) };
  }
  return {
    rows,
    fromSecrets: { status: direct.status },
    defaultChain,
    hasNodeProcess: typeof globalThis.process !== 'undefined',
  };
}

export default {
  async fetch(_request, env) {
    try {
      return Response.json(await report(env));
    } catch (error) {
      return Response.json({ error: toErrorData(error) }, { status: 500 });
    }
  },
};
