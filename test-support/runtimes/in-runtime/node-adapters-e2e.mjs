/**
 * End to end on the Node binary that runs it, against the built packages: starts @sigv4/gateway
 * (with an API key and STS), signs one request with each adapter and one with credentials from
 * fromAssumeRole, and prints `{ name: status }` as JSON. Anything the runtime prints on stderr
 * (an SDK NodeVersionSupportWarning, an ExperimentalWarning) fails the smoke test.
 */
import { attachSigV4 } from '@sigv4/axios';
import { createSigner, fromAssumeRole } from '@sigv4/core';
import { createSignedFetch } from '@sigv4/fetch';
import { startGateway, TEST_API_KEY, TEST_CREDENTIALS, TEST_ROLE_ARN } from '@sigv4/gateway';
import { withSigV4 } from '@sigv4/ky';
import axios from 'axios';
import ky from 'ky';

const gateway = await startGateway({ apiKeys: [TEST_API_KEY] });
const scope = { region: gateway.region, service: 'execute-api' };
const headers = { 'x-api-key': TEST_API_KEY };
const statuses = {};
try {
  const api = axios.create({ headers, validateStatus: () => true });
  attachSigV4(api, { ...scope, credentials: TEST_CREDENTIALS });
  statuses.axios = (await api.get(gateway.url, { params: { client: 'axios' } })).status;

  const kyApi = withSigV4(ky.create({ headers, throwHttpErrors: false }), { ...scope, credentials: TEST_CREDENTIALS });
  statuses.ky = (await kyApi.post(gateway.url, { json: { client: 'ky' } })).status;

  const signedFetch = createSignedFetch({ ...scope, credentials: TEST_CREDENTIALS });
  statuses.fetch = (await signedFetch(`${gateway.url}?client=fetch`, { headers })).status;

  const credentials = fromAssumeRole({
    roleArn: TEST_ROLE_ARN,
    roleSessionName: 'smoke',
    masterCredentials: TEST_CREDENTIALS,
    clientConfig: { endpoint: gateway.stsUrl, region: gateway.region },
  });
  const assumed = createSignedFetch({ signer: createSigner({ ...scope, credentials }) });
  statuses.fromAssumeRole = (await assumed(`${gateway.url}?client=assumed`, { headers })).status;
} finally {
  await gateway.close();
}
console.log(JSON.stringify(statuses));
