// The server of the bench: a plain loopback HTTP server in its own process that reads the
// body and answers 200, so that the bench measures the client side only (signatures are
// verified by the end-to-end tests against @sigv4/gateway, not here). Stops when stdin closes.

import { once } from 'node:events';
import { createServer } from 'node:http';

const BODY = '{"message":"API Called"}';
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
    res.end(BODY);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1');
await once(server, 'listening');
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}/dev` })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
