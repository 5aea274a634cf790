import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApiRequest } from './api/handle-api-request.js';
import { SigV4Error } from './errors.js';
import type { ListenerContext } from './http/start-request.js';
import { normalizeOptions } from './normalize-options.js';
import { handleStsRequest } from './sts/handle-sts-request.js';
import { IdentityStore } from './sts/identities.js';
import type { Gateway, GatewayOptions } from './types.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function listen(handler: Handler, host: string, port: number, requestTimeout: number): Promise<Server> {
  const server = createServer(
    {
      keepAliveTimeout: 5_000,
      // a client that never finishes its headers or body gets 408 instead of holding the connection
      requestTimeout: Math.ceil(requestTimeout),
      headersTimeout: Math.ceil(requestTimeout),
      connectionsCheckingInterval: Math.ceil(Math.min(1_000, Math.max(10, requestTimeout / 4))),
    },
    (req, res) => {
      handler(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"message":"Internal server error"}');
      });
    },
  );
  return new Promise((resolve, reject) => {
    server.once('error', (cause) =>
      reject(
        new SigV4Error('LISTEN_FAILED', `could not listen on ${host}:${port}; pick another \`port\` or 0.`, { cause }),
      ),
    );
    server.listen(port, host, () => resolve(server));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts a local API Gateway (IAM authorization, proxy integration) and an
 * STS endpoint on loopback, each on its own port. Requests to `url` must be
 * SigV4-signed for `region`/`service` by a known user or STS session, exactly
 * as AWS checks them; answers and errors are AWS's.
 * @param options - see `GatewayOptions`; all optional
 * @example
 * const gw = await startGateway({ region: 'eu-central-1' });
 * const res = await signedFetch(`${gw.url}/hello?x=1`); // 200 {"message":"API Called",...}
 * await gw.close();
 * @public
 */
export async function startGateway(options: GatewayOptions = {}): Promise<Gateway> {
  const resolved = normalizeOptions(options);
  const identities = new IdentityStore(resolved);
  const ctx: ListenerContext = { options: resolved, identities, requests: [] };
  const { host: interfaceHost, requestTimeout } = resolved;
  const api = await listen((req, res) => handleApiRequest(ctx, req, res), interfaceHost, resolved.port, requestTimeout);
  let sts: Server;
  try {
    sts = await listen((req, res) => handleStsRequest(ctx, req, res), interfaceHost, resolved.stsPort, requestTimeout);
  } catch (error) {
    await closeServer(api);
    throw error;
  }
  const host = urlHost(resolved.host);
  let closed: Promise<void> | undefined;
  return {
    url: `http://${host}:${(api.address() as AddressInfo).port}${resolved.stage ? `/${resolved.stage}` : ''}`,
    stsUrl: `http://${host}:${(sts.address() as AddressInfo).port}/`,
    region: resolved.region,
    service: resolved.service,
    stage: resolved.stage,
    requests: ctx.requests,
    close: () => (closed ??= Promise.all([closeServer(api), closeServer(sts)]).then(() => undefined)),
  };
}
