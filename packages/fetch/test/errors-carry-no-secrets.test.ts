import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { startGateway } from '@sigv4/gateway';
import { describe, expect, it } from 'vitest';
import { createSignedFetch } from '../src/index.js';

const SECRET = 'fetchErrorSecretKeyEXAMPLE/never+logged';
const TOKEN = 'fetchErrorSessionTokenEXAMPLE/never+logged+anywhere';
const options = {
  region: 'eu-central-1',
  service: 'execute-api',
  credentials: { accessKeyId: 'ASIAFETCHERRORS', secretAccessKey: SECRET, sessionToken: TOKEN },
};

/** Every surface an error logger reads: inspect at any depth (hidden members too), JSON, message, stack, cause. */
function surfaces(value: unknown): string {
  const { message, stack, cause } = value as { message?: unknown; stack?: unknown; cause?: unknown };
  let json: string;
  try {
    json = JSON.stringify(value) ?? '';
  } catch (failure) {
    json = String(failure);
  }
  return [
    inspect(value, { depth: Infinity, showHidden: true }),
    json,
    String(message),
    String(stack),
    inspect(cause, { depth: Infinity, showHidden: true }),
  ].join('\n');
}

describe('what a failed signed fetch hands back', () => {
  it('rejects a refused connection with an error that shows neither the session token nor the secret', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await createSignedFetch(options)(`http://127.0.0.1:${port}/items`).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(TypeError);
    const text = surfaces(error);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(SECRET);
  });

  it('resolves a 403 to a Response that shows neither the session token nor the secret, while the wire carried the token', async () => {
    const gw = await startGateway({});
    try {
      const response = await createSignedFetch(options)(`${gw.url}/items`);

      expect(response.status).toBe(403);
      expect(gw.requests.at(-1)?.headers['x-amz-security-token']).toBe(TOKEN);
      const text = surfaces(response);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(SECRET);
    } finally {
      await gw.close();
    }
  });
});

describe('what a failed presigned fetch (signQuery) hands back', () => {
  const presigning = { ...options, signQuery: true, correctClockSkew: false };
  const tokenIn = (text: string) => text.includes(TOKEN) || text.includes(encodeURIComponent(TOKEN));

  it('resolves a 403 to a Response whose url shows no session token, while the wire carried it', async () => {
    const gw = await startGateway({});
    try {
      const response = await createSignedFetch(presigning)(`${gw.url}/items`);

      expect(response.status).toBe(403);
      expect(tokenIn(gw.requests.at(-1)?.target ?? '')).toBe(true);
      expect(response.url).toContain('X-Amz-Security-Token=[redacted]');
      expect(tokenIn(surfaces(response))).toBe(false);
      expect(tokenIn(response.url)).toBe(false);
    } finally {
      await gw.close();
    }
  });

  it('rejects a refused connection with an error that shows no session token', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await createSignedFetch(presigning)(`http://127.0.0.1:${port}/items`).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(TypeError);
    expect(tokenIn(surfaces(error))).toBe(false);
  });
});
