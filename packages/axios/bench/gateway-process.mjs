// The gateway of the bench, in its own process so that its CPU time (verifying signatures)
// is not counted as the client's. Prints its URL, stops when stdin closes.
import { startGateway, TEST_API_KEY } from '@sigv4/gateway';

const gw = await startGateway({
  apiKeys: [TEST_API_KEY],
  // Same body as the 403 "Missing Authentication Token" of unsigned calls, so both sides move the same bytes.
  handler: () => ({
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: '{"message":"Missing Authentication Token"}',
  }),
});
// The bench keeps no request log.
setInterval(() => {
  gw.requests.length = 0;
}, 200).unref();
process.stdout.write(`${JSON.stringify({ url: gw.url })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  gw.close().then(() => process.exit(0));
});
