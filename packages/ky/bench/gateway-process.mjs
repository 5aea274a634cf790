// The gateway of the bench, in its own process so that its CPU time (verifying signatures,
// building the Lambda event) is not counted as the client's. Prints its URL, stops when stdin closes.
import { startGateway, TEST_API_KEY } from '@sigv4/gateway';

const gw = await startGateway({
  apiKeys: [TEST_API_KEY],
  handler: () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"message":"Missing Authentication Token"}' }),
});
// The echo keeps nothing: without this the gateway would record every request of the run.
setInterval(() => { gw.requests.length = 0; }, 200).unref();
process.stdout.write(`${JSON.stringify({ url: gw.url })}\n`);
process.stdin.resume();
process.stdin.on('end', () => { gw.close().then(() => process.exit(0)); });
