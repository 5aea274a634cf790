// `--real`: a real IAM-authorized API Gateway. Never run in CI.
// Needs API_URL, API_KEY, ROLE_ARN and AWS_REGION, and base credentials from the
// AWS SDK's default chain (env vars, ~/.aws profile, SSO, instance role, ...).
import { assumeRoleOnce, maskKeyId } from './report.mjs';

const REQUIRED_ENV = {
  API_URL: 'the stage URL, e.g. https://abc123.execute-api.eu-central-1.amazonaws.com/dev',
  API_KEY: 'the API key that the stage requires (x-api-key)',
  ROLE_ARN: 'the role to assume, e.g. arn:aws:iam::123456789012:role/api-caller',
  AWS_REGION: 'the region of the API and of STS, e.g. eu-central-1',
};

/** Reads the environment and assumes ROLE_ARN with the default credential chain. */
export async function realTarget({ core }) {
  const missing = Object.keys(REQUIRED_ENV).filter((name) => !process.env[name]);
  if (missing.length > 0) {
    console.error(`demo --real: missing environment variable${missing.length > 1 ? 's' : ''}:`);
    for (const name of missing) console.error(`  ${name}: ${REQUIRED_ENV[name]}`);
    console.error('Base credentials come from the AWS default chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, SSO, ...).');
    process.exit(2);
  }
  const { API_URL, API_KEY, ROLE_ARN, AWS_REGION } = process.env;
  const credentials = core.fromAssumeRole({
    roleArn: ROLE_ARN,
    roleSessionName: 'session1',
    durationSeconds: 900,
    clientConfig: { region: AWS_REGION },
  });
  const identity = await assumeRoleOnce(
    credentials,
    ROLE_ARN,
    'Check the base credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID, an SSO login, ...) and that they may assume ROLE_ARN.',
  );
  const signer = core.createSigner({ region: AWS_REGION, service: 'execute-api', credentials });
  return {
    apiUrl: API_URL.replace(/\/+$/, ''),
    apiKey: API_KEY,
    signer,
    description: [
      `sigv4 demo (real AWS): ${AWS_REGION} / execute-api`,
      `  API  ${API_URL}`,
      `  AssumeRole ${ROLE_ARN} as session1 for 900 s -> ${maskKeyId(identity.accessKeyId)}` +
        (identity.expiration ? `, expires ${identity.expiration.toISOString()}` : ''),
    ],
    close: async () => {},
  };
}
