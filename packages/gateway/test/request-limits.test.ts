import { connect, type Socket } from 'node:net';
import { TEST_CREDENTIALS } from '@sigv4/gateway';
import { describe, expect, it } from 'vitest';
import { startGatewayPerTest } from '../../../test-support/gateway.js';
import { smithySign } from './support/smithy-sign.js';

const start = startGatewayPerTest();

/** Opens a connection to the gateway's API port and writes `bytes` without ending the request. */
function openWith(url: string, bytes: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes, () => resolve(socket)));
    socket.on('error', reject);
  });
}

/** Everything the server sends until it closes the connection. */
function readUntilClosed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('close', () => resolve(text));
  });
}

/** The first answer's status line, as soon as it arrives (the connection may stay open). */
function firstStatusLine(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (text.includes('\r\n')) resolve(text.slice(0, text.indexOf('\r\n')));
    });
  });
}

describe('requests the gateway will not wait for', () => {
  it('answers 413 at once to a Content-Length over 10 MB, before any of the body arrives', async () => {
    const g = await start();
    const socket = await openWith(
      g.url,
      `POST ${new URL(g.url).pathname}/big HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n\r\n`,
    );
    try {
      expect(await firstStatusLine(socket)).toBe('HTTP/1.1 413 Payload Too Large');
      expect(g.requests[0]).toMatchObject({ status: 413, errorType: 'RequestTooLargeException' });
    } finally {
      socket.destroy();
    }
  });

  it.each([
    ['headers that never end', 'D'],
    ['only blank lines', '\r\n\r\n\r\n'],
    ['a body shorter than its Content-Length', 'POST /dev/x HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nshort'],
  ])('closes a connection with %s after requestTimeout', async (_name, bytes) => {
    const g = await start({ requestTimeout: 100 });
    const socket = await openWith(g.url, bytes);
    const answer = await readUntilClosed(socket);
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
    expect(g.requests).toEqual([]);
  });

  it('still serves a slow handler: the timeout covers receiving the request, not answering it', async () => {
    let release!: () => void;
    let entered!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const handling = new Promise<void>((resolve) => (entered = resolve));
    const requestTimeout = 300;
    const g = await start({
      requestTimeout,
      handler: async () => {
        entered();
        await released;
        return { statusCode: 200, body: '{}' };
      },
    });
    const s = await smithySign({
      url: `${g.url}/slow`,
      credentials: TEST_CREDENTIALS,
      region: g.region,
      service: g.service,
    });
    const answered = fetch(s.url, s.init);
    // The handler holds the answer for two timeout periods after the request was received in full.
    await handling;
    await new Promise((resolve) => setTimeout(resolve, 2 * requestTimeout));
    release();
    expect((await answered).status).toBe(200);
  });

  it('refuses a requestTimeout that is not a positive number', async () => {
    await expect(start({ requestTimeout: 0 })).rejects.toMatchObject({ name: 'SigV4Error', code: 'INVALID_OPTIONS' });
  });
});

describe('the request log', () => {
  const sendSigned = async (url: string, body: string) => {
    const s = await smithySign({
      url,
      method: 'POST',
      body,
      credentials: TEST_CREDENTIALS,
      region: 'eu-central-1',
      service: 'execute-api',
    });
    return (await fetch(s.url, s.init)).status;
  };

  it('keeps every request and its whole body by default', async () => {
    const g = await start();
    for (const n of [1, 2, 3]) expect(await sendSigned(`${g.url}/n${n}`, 'x'.repeat(5000))).toBe(200);
    expect(g.requests.map((r) => [r.path, r.body.length])).toEqual([
      ['/dev/n1', 5000],
      ['/dev/n2', 5000],
      ['/dev/n3', 5000],
    ]);
  });

  it('keeps only the latest maxRecordedRequests, bodies cut to maxRecordedBodyBytes, and still verifies whole bodies', async () => {
    const g = await start({ maxRecordedRequests: 2, maxRecordedBodyBytes: 4 });
    for (const n of [1, 2, 3]) expect(await sendSigned(`${g.url}/n${n}`, `body-${n}`)).toBe(200);
    expect(g.requests.map((r) => [r.path, r.body.toString()])).toEqual([
      ['/dev/n2', 'body'],
      ['/dev/n3', 'body'],
    ]);
  });
});
