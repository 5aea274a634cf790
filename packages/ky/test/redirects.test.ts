import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Gateway, startGateway, TEST_API_KEY } from '@sigv4/gateway';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withSigV4 } from '../src/index.js';
import { KY_VERSIONS } from './support/ky-versions.js';

/** Credentials with a session token: the header that must never reach another host. */
const credentials = {
  accessKeyId: 'ASIAREDIRECTTEST',
  secretAccessKey: 'redirect/test/secret',
  sessionToken: 'session-token-for-aws-only',
};
const signerOptions = { region: 'eu-central-1', service: 'execute-api', credentials };
const SIGNING_HEADERS = ['authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'];

/** A second origin (another port on loopback) that records what reaches it and answers 200. */
async function startOtherHost(): Promise<{ url: string; received: IncomingHttpHeaders[]; close(): Promise<void> }> {
  const received: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    received.push(req.headers);
    res.writeHead(200, { 'content-type': 'text/plain' }).end('elsewhere');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(KY_VERSIONS)('redirects of signed requests with $name', (v) => {
  let gw: Gateway;
  let other: Awaited<ReturnType<typeof startOtherHost>>;
  beforeEach(async () => {
    other = await startOtherHost();
    // The API (reached only with a valid signature) redirects /away to the other host, /old to /new.
    gw = await startGateway({
      apiKeys: [TEST_API_KEY],
      users: [credentials],
      handler: (event) => {
        if (event.path === '/away') return { statusCode: 307, headers: { location: `${other.url}/landing` } };
        if (event.path === '/old') return { statusCode: 302, headers: { location: 'new' } };
        return { statusCode: 200, body: JSON.stringify({ path: event.path }) };
      },
    });
  });
  afterEach(async () => {
    await Promise.all([gw.close(), other.close()]);
  });

  const api = () => withSigV4(v.ky.extend({ headers: { 'x-api-key': TEST_API_KEY }, retry: 0 }), signerOptions);

  it('does not follow a redirect to another host: the call rejects with the 307 and that host receives nothing', async () => {
    const error = await api()
      .get(`${gw.url}/away`)
      .then(
        () => undefined,
        (e: unknown) => e,
      );

    const response = (error as { response?: Response }).response;
    expect(response?.status).toBe(307);
    expect(response?.headers.get('location')).toBe(`${other.url}/landing`);
    expect(gw.requests.map((r) => r.status)).toEqual([307]);
    expect(other.received).toEqual([]);
  });

  it('does not follow a same-origin redirect either (the signature was made for the old URL)', async () => {
    const response = await api().get(`${gw.url}/old`, { throwHttpErrors: false });

    expect(response.status).toBe(302);
    expect(gw.requests.map((r) => r.path)).toEqual(['/dev/old']);
  });

  it('signs with redirect "manual" even when the call asks fetch to follow', async () => {
    let sent: Request | undefined;
    const fetch = async (input: RequestInfo | URL) => {
      sent = input as Request;
      return new Response(null, { status: 204 });
    };
    await api().get(`${gw.url}/x`, { redirect: 'follow', fetch });

    expect(sent?.redirect).toBe('manual');
    expect(sent?.headers.get('x-amz-security-token')).toBe(credentials.sessionToken);
  });

  it('follows with the README recipe: same origin signed again for the new URL, another host without signing headers', async () => {
    const signed = api();
    const plain = v.ky.extend({ retry: 0 });
    // The README's getFollowingRedirect, with ky's HTTPError told by its `response`.
    const getFollowingRedirect = async (url: string) => {
      try {
        return await signed.get(url);
      } catch (error) {
        const response = (error as { response?: Response }).response;
        const location = response !== undefined && response.status < 400 ? response.headers.get('location') : null;
        if (location === null) throw error;
        const next = new URL(location, url);
        return next.origin === new URL(url).origin ? signed.get(next) : plain.get(next);
      }
    };

    expect(await (await getFollowingRedirect(`${gw.url}/old`)).json()).toEqual({ path: '/new' });
    expect(gw.requests.map((r) => [r.path, r.status])).toEqual([
      ['/dev/old', 302],
      ['/dev/new', 200],
    ]);

    expect(await (await getFollowingRedirect(`${gw.url}/away`)).text()).toBe('elsewhere');
    expect(other.received).toHaveLength(1);
    expect(SIGNING_HEADERS.filter((name) => name in other.received[0]!)).toEqual([]);
  });
});
