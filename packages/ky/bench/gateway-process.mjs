// The gateway of the bench, in its own process so that its CPU time (verifying signatures,
// building the Lambda event) is not counted as the client's. Prints its URL as a JSON line;
// answers each "cpu" line on stdin with its CPU time so far (µs); stops when stdin closes.
import { createInterface } from 'node:readline';
import { startGateway, TEST_API_KEY } from '@sigv4/gateway';

const gw = await startGateway({
  apiKeys: [TEST_API_KEY],
  // Same size as the 403 body unsigned calls get, so both sides move the same bytes.
  handler: () => ({
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: '{"message":"Missing Authentication Token"}',
  }),
});
// The gateway records every request; the bench does not need them.
setInterval(() => {
  gw.requests.length = 0;
}, 200).unref();
process.stdout.write(`${JSON.stringify({ url: gw.url })}\n`);
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`${JSON.stringify({ cpu: user + system })}\n`);
  }
});
lines.on('close', () => {
  gw.close().then(() => process.exit(0));
});
