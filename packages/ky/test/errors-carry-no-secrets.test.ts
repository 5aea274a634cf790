import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { type Gateway, startGateway } from '@sigv4/gateway';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withSigV4 } from '../src/index.js';
import { KY_VERSIONS } from './support/ky-versions.js';

const SECRET = 'kyErrorSecretKeyEXAMPLE/never+logged';
const TOKEN = 'kyErrorSessionTokenEXAMPLE/never+logged+anywhere';
const credentials = { accessKeyId: 'ASIAKYERRORTEST', secretAccessKey: SECRET, sessionToken: TOKEN };
const signerOptions = { region: 'eu-central-1', service: 'execute-api', credentials };

/** Every surface an error logger reads: inspect at any depth (hidden members too), JSON, message, stack, cause. */
function surfaces(error: unknown): string {
  const { message, stack, cause } = error as { message?: unknown; stack?: unknown; cause?: unknown };
  let json: string;
  try {
    json = JSON.stringify(error) ?? '';
  } catch (failure) {
    json = String(failure);
  }
  return [
    inspect(error, { depth: Infinity, showHidden: true }),
    inspect((error as { request?: unknown }).request, { depth: Infinity, showHidden: true }),
    json,
    String(message),
    String(stack),
    inspect(cause, { depth: Infinity, showHidden: true }),
  ].join('\n');
}

const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe.each(KY_VERSIONS)('errors of a signed $name request', (v) => {
  let gw: Gateway;
  let silent: Server | undefined;
  beforeEach(async () => {
    gw = await startGateway({});
  });
  afterEach(async () => {
    await gw.close();
    silent?.closeAllConnections();
    await new Promise((resolve) => (silent ? silent.close(resolve) : resolve(undefined)));
    silent = undefined;
  });

  it('hands back an HTTPError (403) that shows neither the session token nor the secret, while the wire carried the token', async () => {
    const api = withSigV4(v.ky.create({ ...v.base(gw.url), retry: 0 }), signerOptions);
    const error = await rejection(api.get('items'));

    expect((error as Error).name).toBe('HTTPError');
    expect(gw.requests.at(-1)?.headers['x-amz-security-token']).toBe(TOKEN);
    const text = surfaces(error);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/AWS4-HMAC-SHA256 Credential/);
  });

  it('hands back an HTTPError (403) of a presigned request (signQuery) whose response url shows no session token', async () => {
    const api = withSigV4(v.ky.create({ ...v.base(gw.url), retry: 0 }), {
      ...signerOptions,
      signQuery: true,
      correctClockSkew: false,
    });
    const error = await rejection(api.get('items'));

    expect((error as Error).name).toBe('HTTPError');
    expect(gw.requests.at(-1)?.target).toContain(encodeURIComponent(TOKEN));
    const text = surfaces(error) + inspect((error as { response?: Response }).response?.url);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(encodeURIComponent(TOKEN));
  });

  it('hands back a network error (connection refused) that shows neither the session token nor the secret', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const api = withSigV4(v.ky.create({ ...v.base(`http://127.0.0.1:${port}`), retry: 0 }), signerOptions);
    const error = await rejection(api.get('items'));

    expect(error).toBeInstanceOf(Error);
    const text = surfaces(error);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(SECRET);
  });

  it('hands back a TimeoutError that shows neither the session token nor the secret', async () => {
    const server = createServer(() => undefined);
    silent = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const api = withSigV4(v.ky.create({ ...v.base(`http://127.0.0.1:${port}`), retry: 0, timeout: 50 }), signerOptions);
    const error = await rejection(api.get('items'));

    expect((error as Error).name).toBe('TimeoutError');
    const text = surfaces(error);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(SECRET);
  });
});

describe.each(KY_VERSIONS)('withSigV4 arguments with $name', (v) => {
  it('refuses something that is not a ky instance with INVALID_OPTIONS naming the argument', () => {
    for (const notKy of [{}, null, undefined, 'ky']) {
      expect(() => withSigV4(notKy as never, signerOptions)).toThrow(
        expect.objectContaining({
          name: 'SigV4Error',
          code: 'INVALID_OPTIONS',
          message: expect.stringMatching(/^@sigv4\/ky: withSigV4\(ky, options\).*`ky`/),
        }),
      );
    }
    expect(() => withSigV4(v.ky, signerOptions)).not.toThrow();
  });

  it('rejects a URL that is not http(s) with INVALID_URL and sends nothing', async () => {
    let sent = 0;
    const api = withSigV4(
      v.ky.create({
        retry: 0,
        fetch: async () => {
          sent++;
          return new Response('x');
        },
      }),
      signerOptions,
    );
    const error = await rejection(api.get('ftp://files.example.com/report.csv'));

    expect(error).toMatchObject({ name: 'SigV4Error', code: 'INVALID_URL' });
    expect(sent).toBe(0);
  });
});
