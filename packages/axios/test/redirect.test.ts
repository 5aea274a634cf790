import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { STALE_SIGNING_HEADERS } from '@sigv4/core';
import { TEST_CREDENTIALS } from '@sigv4/gateway';
import axios from 'axios';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attachSigV4 } from '../src/index.js';

// Redirects followed by the http adapter (follow-redirects): the signing headers of the first
// request never reach the redirect target, on another origin or the same one.

const SESSION_TOKEN = 'session-token-that-must-not-leak';

/** What each server received, in order: path and headers. */
const received: Array<{ server: 'origin' | 'other'; path: string; headers: IncomingHttpHeaders }> = [];
let origin: Server;
let other: Server;
let originUrl: string;
let otherUrl: string;

async function listen(server: Server, host: string): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  other = createServer((req, res) => {
    received.push({ server: 'other', path: req.url ?? '', headers: req.headers });
    res.end('other');
  });
  // another origin: another host name and port on the loopback interface
  otherUrl = await listen(other, 'localhost');
  origin = createServer((req, res) => {
    received.push({ server: 'origin', path: req.url ?? '', headers: req.headers });
    if (req.url === '/away') res.writeHead(302, { location: `${otherUrl}/landed` });
    else if (req.url === '/moved') res.writeHead(301, { location: '/here' });
    res.end('origin');
  });
  originUrl = await listen(origin, '127.0.0.1');
});
afterAll(async () => {
  await Promise.all([origin, other].map((s) => new Promise((resolve) => s.close(resolve))));
});
beforeEach(() => {
  received.length = 0;
});

function client(config: Parameters<typeof axios.create>[0] = {}) {
  const api = axios.create({ baseURL: originUrl, proxy: false, adapter: 'http', ...config });
  attachSigV4(api, {
    region: 'eu-central-1',
    service: 'execute-api',
    credentials: { ...TEST_CREDENTIALS, sessionToken: SESSION_TOKEN },
  });
  return api;
}

const signingHeadersIn = (headers: IncomingHttpHeaders) => STALE_SIGNING_HEADERS.filter((name) => name in headers);

describe('redirects followed by the http adapter', () => {
  it('sends no signing headers, session token included, to another origin', async () => {
    const response = await client().get('/away', {
      headers: { 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    });
    expect(response.data).toBe('other');
    expect(received.map((r) => `${r.server} ${r.path}`)).toEqual(['origin /away', 'other /landed']);
    expect(signingHeadersIn(received[0]!.headers)).toEqual(STALE_SIGNING_HEADERS);
    expect(received[0]!.headers['x-amz-security-token']).toBe(SESSION_TOKEN);
    expect(signingHeadersIn(received[1]!.headers)).toEqual([]);
    expect(JSON.stringify(received[1]!.headers)).not.toContain(SESSION_TOKEN);
  });

  it('sends no stale signature to a new path on the same origin either', async () => {
    await client().get('/moved');
    expect(received.map((r) => `${r.server} ${r.path}`)).toEqual(['origin /moved', 'origin /here']);
    expect(received[0]!.headers['authorization']).toMatch(/^AWS4-HMAC-SHA256 /);
    expect(signingHeadersIn(received[1]!.headers)).toEqual([]);
  });

  it("still runs the caller's own beforeRedirect, after the signing headers are gone", async () => {
    const seen: Array<Record<string, unknown>> = [];
    const api = client({
      beforeRedirect: (options) => {
        seen.push({ ...(options['headers'] as Record<string, unknown>) });
        (options['headers'] as Record<string, string>)['x-redirected'] = 'yes';
      },
    });
    await api.get('/away');
    expect(seen).toHaveLength(1);
    expect(signingHeadersIn(seen[0] as IncomingHttpHeaders)).toEqual([]);
    expect(received[1]!.headers['x-redirected']).toBe('yes');
  });

  it('strips them again when the signed config is sent again (a retry)', async () => {
    const api = client();
    const first = await api.get('/away');
    received.length = 0;
    await api.request(first.config);
    expect(received.map((r) => r.server)).toEqual(['origin', 'other']);
    expect(signingHeadersIn(received[1]!.headers)).toEqual([]);
  });
});
