import { connect } from 'node:net';
import { type ProxyEvent, TEST_CREDENTIALS } from '@sigv4/gateway';
import { describe, expect, it } from 'vitest';
import { startGatewayPerTest } from '../../../test-support/gateway.js';
import { smithySign } from './support/smithy-sign.js';

const start = startGatewayPerTest();

/**
 * Sends `target` on the request line exactly as written (fetch would remove the dot segments),
 * signed by smithy for the path `signedPath`, and returns the status.
 */
async function sendRawTarget(url: string, target: string, signedPath: string): Promise<number> {
  const { host, hostname, port } = new URL(url);
  const s = await smithySign({
    url: `http://${host}${signedPath}`,
    credentials: TEST_CREDENTIALS,
    region: 'eu-central-1',
    service: 'execute-api',
  });
  const headers = Object.entries({ ...s.init.headers, host, connection: 'close' }).map(([n, v]) => `${n}: ${v}\r\n`);
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect(Number(port), hostname, () =>
      socket.write(`GET ${target} HTTP/1.1\r\n${headers.join('')}\r\n`),
    );
    socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(text.split(' ')[1])));
  });
}

describe('the path the handler sees is the path that was verified', () => {
  const recording = () => {
    const events: ProxyEvent[] = [];
    const handler = (event: ProxyEvent) => {
      events.push(event);
      return { statusCode: 200, body: '{}' };
    };
    return { events, handler };
  };

  it('hands `/dev//items` (signed as /dev/items) to the handler as /items', async () => {
    const { events, handler } = recording();
    const g = await start({ handler });
    expect(await sendRawTarget(g.url, '/dev//items', '/dev/items')).toBe(200);
    expect(events.map((e) => [e.path, e.requestContext.path])).toEqual([['/items', '/dev/items']]);
  });

  it('hands `/dev/./a/../items` to the handler as /items', async () => {
    const { events, handler } = recording();
    const g = await start({ handler });
    expect(await sendRawTarget(g.url, '/dev/./a/../items', '/dev/items')).toBe(200);
    expect(events.map((e) => e.path)).toEqual(['/items']);
  });

  it('refuses `/dev/../other/items`, signed for /other/items, as outside the stage: the handler never runs', async () => {
    const { events, handler } = recording();
    const g = await start({ handler });
    expect(await sendRawTarget(g.url, '/dev/../other/items', '/other/items')).toBe(403);
    expect(g.requests[0]).toMatchObject({ path: '/dev/../other/items', errorType: 'ForbiddenException' });
    expect(events).toEqual([]);
  });

  it('keeps the raw path for S3, whose signatures cover the path as sent', async () => {
    const { events, handler } = recording();
    const g = await start({ handler, service: 's3', allowUnsignedPayload: true });
    const s = await smithySign({ url: `${g.url}/a/b`, credentials: TEST_CREDENTIALS, region: g.region, service: 's3' });
    expect((await fetch(s.url, s.init)).status).toBe(200);
    expect(events.map((e) => e.path)).toEqual(['/a/b']);
  });
});
