import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSignedFetch } from '../src/index.js';

const AKID = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

let server: Server | undefined;
const open: ServerResponse[] = [];

afterEach(async () => {
  for (const res of open.splice(0)) res.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A server that answers 403 with `bytes` of body and never ends it. */
async function startNeverEnding(bytes: number): Promise<string> {
  const started = createServer((_req, res) => {
    open.push(res);
    res.writeHead(403, { 'content-type': 'application/json' });
    res.write(' '.repeat(bytes));
  });
  server = started;
  await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(started.address() as AddressInfo).port}/`;
}

describe('clock-skew check of a refused answer', () => {
  it('hands over a 403 whose body never ends, having read only its start', async () => {
    const url = await startNeverEnding(128 * 1024);
    const signedFetch = createSignedFetch({ region: 'us-east-1', service: 'execute-api', credentials: AKID });
    const response = await signedFetch(url);
    expect(response.status).toBe(403);
    await response.body?.cancel();
  });
});
