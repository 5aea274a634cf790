// The gateway (API + STS) of the load bench, in its own process so that the client's memory is measured
// alone. Prints its URLs, stops when stdin closes.
import { startGateway, TEST_API_KEY } from '@sigv4/gateway';

const gw = await startGateway({
  apiKeys: [TEST_API_KEY],
  handler: () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' }),
});
// The bench keeps no request log.
setInterval(() => {
  gw.requests.length = 0;
}, 200).unref();
process.stdout.write(`${JSON.stringify({ url: gw.url, stsUrl: gw.stsUrl, region: gw.region })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  gw.close().then(() => process.exit(0));
});
