// The offline target: @sigv4/gateway on loopback with an API key and one assumable role.
import { assumeRoleOnce, maskKeyId } from './report.mjs';

/** Starts the gateway and assumes its role through its STS, as the seed does against AWS. */
export async function startLocalTarget({ core, gateway }) {
  const { startGateway, TEST_CREDENTIALS, TEST_ROLE_ARN, TEST_API_KEY } = gateway;
  const gw = await startGateway({ apiKeys: [TEST_API_KEY], roles: [TEST_ROLE_ARN] });
  try {
    const region = 'eu-central-1';
    // The seed's STS step: AssumeRole(RoleArn, RoleSessionName 'session1', DurationSeconds 900).
    const credentials = core.fromAssumeRole({
      roleArn: TEST_ROLE_ARN,
      roleSessionName: 'session1',
      durationSeconds: 900,
      masterCredentials: TEST_CREDENTIALS,
      clientConfig: { region, endpoint: gw.stsUrl },
    });
    const identity = await assumeRoleOnce(credentials, TEST_ROLE_ARN);
    // One signer shared by the three clients: one credentials cache, one clock.
    const signer = core.createSigner({ region, service: 'execute-api', credentials });
    return {
      apiUrl: gw.url,
      apiKey: TEST_API_KEY,
      signer,
      description: [
        `sigv4 demo (local): @sigv4/gateway on loopback, ${region} / execute-api`,
        `  API  ${gw.url}   (IAM auth + x-api-key)`,
        `  STS  ${gw.stsUrl}`,
        `  AssumeRole ${TEST_ROLE_ARN} as session1 for 900 s -> ${maskKeyId(identity.accessKeyId)}` +
          (identity.expiration ? `, expires ${identity.expiration.toISOString()}` : ''),
      ],
      close: () => gw.close(),
    };
  } catch (error) {
    await gw.close();
    throw error;
  }
}
