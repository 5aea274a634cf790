#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { CLI_RECORD_LIMITS, TEST_API_KEY, TEST_CREDENTIALS, TEST_ROLE_ARN } from './constants.js';
import { startGateway } from './start-gateway.js';

const USAGE = `Usage: sigv4-gateway [--port N] [--sts-port N] [--region R] [--stage S] [--host H] [--api-key]

A local IAM-authorized API Gateway + STS that verifies AWS SigV4 like AWS.
  --port N      API port (default 0: any free port)
  --sts-port N  STS port (default 0)
  --region R    region of the credential scope (default eu-central-1)
  --stage S     stage, the first path segment (default dev)
  --host H      interface to listen on (default 127.0.0.1)
  --api-key     require x-api-key: ${TEST_API_KEY}`;

function usageError(message: string): never {
  process.stderr.write(`sigv4-gateway: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function port(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    usageError(`${name} must be a port number (0-65535), got "${value}".`);
  return n;
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        'sts-port': { type: 'string' },
        region: { type: 'string' },
        stage: { type: 'string' },
        host: { type: 'string' },
        'api-key': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    usageError((error as Error).message);
  }
}

async function main(): Promise<void> {
  const values = readArgs();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const gw = await startGateway({
    port: port(values.port, '--port'),
    stsPort: port(values['sts-port'], '--sts-port'),
    region: values.region,
    stage: values.stage,
    host: values.host,
    apiKeys: values['api-key'] ? [TEST_API_KEY] : undefined,
    // a long-running gateway keeps a bounded log: nothing reads it but memory
    ...CLI_RECORD_LIMITS,
  });
  // The TEST secret is a published fixture, not a real key: printing it is the point of the CLI.
  process.stdout.write(
    [
      'sigv4-gateway listening',
      `  API:     ${gw.url}   (region ${gw.region}, service ${gw.service})`,
      `  STS:     ${gw.stsUrl}   (service sts)`,
      `  AWS_ACCESS_KEY_ID=${TEST_CREDENTIALS.accessKeyId}`,
      `  AWS_SECRET_ACCESS_KEY=${TEST_CREDENTIALS.secretAccessKey}`,
      `  Role:    ${TEST_ROLE_ARN}`,
      ...(values['api-key'] ? [`  x-api-key: ${TEST_API_KEY}`] : []),
      `  Log:     the last ${CLI_RECORD_LIMITS.maxRecordedRequests} requests, bodies cut to ${CLI_RECORD_LIMITS.maxRecordedBodyBytes} bytes`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    gw.close().then(
      () => {
        process.stdout.write(`sigv4-gateway stopped (${signal})\n`);
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`sigv4-gateway: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
