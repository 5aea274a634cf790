/**
 * End to end: requests signed by @sigv4/core (a devDependency of the gateway) are sent over
 * loopback to the gateway, which checks SigV4 as API Gateway does.
 */

import { createSigner, fromAssumeRole, type Signer } from '@sigv4/core';
import { startGateway, TEST_CREDENTIALS, TEST_ROLE_ARN } from '@sigv4/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Gateway = Awaited<ReturnType<typeof startGateway>>;

describe('signed requests against the local gateway', () => {
  let gateway: Gateway;
  let signer: Signer;

  beforeAll(async () => {
    gateway = await startGateway({ region: 'eu-central-1' });
    signer = createSigner({ region: gateway.region, service: gateway.service, credentials: TEST_CREDENTIALS });
  });
  afterAll(async () => {
    await gateway.close();
  });

  const send = async (signed: { method: string; url: string; headers: Record<string, string>; body?: unknown }) =>
    fetch(signed.url, {
      method: signed.method,
      headers: signed.headers,
      body: (signed.body ?? null) as BodyInit | null,
    });

  it('accepts a GET with an encoded path, "+" and repeated query parameters', async () => {
    const response = await send(await signer.sign({ url: `${gateway.url}/items/a%20b?q=x+y&tag=2&tag=1&empty=` }));
    expect(response.status).toBe(200);
  });

  it.each([
    '/x/%2e%2e/a',
    '/a\\b',
    '/a"b',
    '/a{b}',
    '/a|b',
    '/a^b',
    '/a`b',
    '/a<b>',
    '/é',
    '/a b',
    '/a?q="x"',
    '/a?q=<x>',
    '/a?q=a b',
    '/a?q=`',
    '/a?q={}',
    '/a?q=é',
  ])('accepts %s written unencoded, as fetch sends it', async (written) => {
    const signed = await signer.sign({ url: `${gateway.url}${written}` });
    expect((await send(signed)).status).toBe(200);
    const sent = new URL(signed.url);
    expect(gateway.requests.at(-1)?.target).toBe(`${sent.pathname}${sent.search}`);
  });

  it.each(['?q=%FF', '?q=%C3', '?name=caf%E9', '?%FF=%fe&q=%C3%A9+x', '?q=%zz'])(
    'accepts a query with bytes that are not UTF-8 text: %s',
    async (query) => {
      const signed = await signer.sign({ url: `${gateway.url}/items${query}` });
      expect((await send(signed)).status).toBe(200);
      const link = await signer.presign({ url: `${gateway.url}/items${query}`, expiresIn: 60 });
      expect((await fetch(link)).status).toBe(200);
    },
  );

  it('accepts a JSON POST and refuses it when the body is changed after signing', async () => {
    const signed = await signer.sign({
      method: 'POST',
      url: `${gateway.url}/items`,
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect((await send(signed)).status).toBe(200);
    expect((await send({ ...signed, body: '{"a":2}' })).status).toBe(403);
  });

  it('accepts a presigned link presigned again (its old X-Amz-* parameters replaced)', async () => {
    const first = await signer.presign({ url: `${gateway.url}/items?x=1`, expiresIn: 60 });
    const again = await signer.presign({ url: first, expiresIn: 120 });
    expect(new URL(again).searchParams.get('X-Amz-Expires')).toBe('120');
    expect((await fetch(again)).status).toBe(200);
  });

  it('accepts a presigned URL and refuses it with a changed query', async () => {
    const link = await signer.presign({ url: `${gateway.url}/items?x=1`, expiresIn: 60 });
    expect((await fetch(link)).status).toBe(200);
    expect((await fetch(link.replace('x=1', 'x=2'))).status).toBe(403);
  });

  it('accepts a presigned URL from a signer with unsignedPayload: true (only S3 links leave the payload unsigned)', async () => {
    const unsigned = createSigner({
      region: gateway.region,
      service: gateway.service,
      credentials: TEST_CREDENTIALS,
      unsignedPayload: true,
    });
    const link = await unsigned.presign({ url: `${gateway.url}/items?x=1`, expiresIn: 60 });
    expect((await fetch(link)).status).toBe(200);
  });

  it('signs with credentials from fromAssumeRole through the gateway STS', async () => {
    const assumed = createSigner({
      region: gateway.region,
      service: gateway.service,
      credentials: fromAssumeRole({
        roleArn: TEST_ROLE_ARN,
        masterCredentials: TEST_CREDENTIALS,
        clientConfig: { region: gateway.region, endpoint: gateway.stsUrl },
      }),
    });
    const signed = await assumed.sign({ url: `${gateway.url}/whoami` });
    expect(signed.headers['x-amz-security-token']).toBeTruthy();
    expect((await send(signed)).status).toBe(200);
  });
});
