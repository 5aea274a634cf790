import { createHash } from 'node:crypto';
import {
  createSigner,
  fromAssumeRole,
  type PresignUrlOptions,
  type Signer,
  type SignerOptions,
  type SigV4AdapterOptions,
} from '@sigv4/core';
import { type Gateway, type RecordedRequest, TEST_API_KEY, TEST_CREDENTIALS, TEST_ROLE_ARN } from '@sigv4/gateway';
import { describe, expect, it } from 'vitest';
import { startGatewayPerTest } from './gateway.js';

/**
 * The scenarios every adapter must pass against the real gateway, written once. Each adapter's e2e
 * file calls `describeAdapterContract` with a factory that builds its client through the public
 * API (`attachSigV4`, `withSigV4`, `createSignedFetch`); what is left in that file is what is
 * particular to its client.
 */

/** One request of a scenario. */
export interface ContractRequest {
  method: 'GET' | 'POST' | 'PUT';
  /** Absolute URL under the gateway's stage, without a query. */
  url: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** Sent as JSON with `content-type: application/json`. */
  json?: unknown;
  /** Sent as a stream of these chunks (the client's own stream type), with `content-type: text/plain`. */
  stream?: readonly string[];
}

/** What came back: HTTP errors are answers here, never thrown. */
export interface ContractResponse {
  status: number;
  /** The body parsed as JSON, or its text when it is not JSON. */
  body: unknown;
}

/** How the scenario wants the client built. */
export interface ContractSetup {
  /** Headers on every request (the seed's `x-api-key`). */
  headers: Record<string, string>;
  /** What the adapter's entry point takes: signer options or `{ signer }`, with the adapter options. */
  signing: (SignerOptions | { signer: Signer }) & SigV4AdapterOptions;
  /** Set the header `x-contract: changed` after signing, as a tampering proxy would. */
  tamperAfterSigning: boolean;
  /** Install the README's clock-skew recipe for this signer (correct it from `Date` after a 403, then send again). */
  clockSkewRecipe: Signer | undefined;
}

/** A client as the contract drives it. */
export interface ContractClient {
  send(request: ContractRequest): Promise<ContractResponse>;
}

/** What the client can do beyond the shared scenarios. */
export interface ContractCapabilities {
  /** Streams a body as `UNSIGNED-PAYLOAD` when the signer allows it. */
  streams?: boolean;
  /** Told apart in test names when one adapter runs the contract more than once (`fetch adapter`). */
  variant?: string;
  /** The adapter package's `presignUrl` export. */
  presignUrl?: (url: string, options: PresignUrlOptions) => Promise<string>;
}

const REGION = 'eu-central-1';
const SERVICE = 'execute-api';
const SIGNING: SignerOptions = { region: REGION, service: SERVICE, credentials: TEST_CREDENTIALS };

/** The seed's echo answer. */
interface Echo {
  message: string;
  params: Record<string, string> | null;
  body: unknown;
  method: string;
}

const apiRequests = (gw: Gateway): RecordedRequest[] => gw.requests.filter((r) => r.api === 'execute-api');
const signedHeaderNames = (r: RecordedRequest | undefined) =>
  /SignedHeaders=([^,]+)/.exec(r?.headers['authorization'] ?? '')?.[1]?.split(';') ?? [];

/**
 * Declares the shared end-to-end scenarios for one adapter.
 * @param name - the client's name, as the seed sends it (`?client=<name>`)
 * @param makeClient - builds a client for one scenario
 * @example
 * describeAdapterContract('fetch', ({ headers, signing }) => {
 *   const signedFetch = createSignedFetch(signing);
 *   return { send: async (r) => { const res = await signedFetch(r.url, { method: r.method, headers }); return { status: res.status, body: await res.json() }; } };
 * });
 */
export function describeAdapterContract(
  name: string,
  makeClient: (setup: ContractSetup) => ContractClient,
  capabilities: ContractCapabilities = {},
): void {
  const variant = capabilities.variant === undefined ? '' : `, ${capabilities.variant}`;
  describe(`${name} against the gateway (shared adapter contract${variant})`, () => {
    const start = startGatewayPerTest();
    const client = (setup: Partial<ContractSetup> = {}) =>
      makeClient({
        headers: { 'x-api-key': TEST_API_KEY },
        signing: SIGNING,
        tamperAfterSigning: false,
        clockSkewRecipe: undefined,
        ...setup,
      });

    it(`sends the seed's GET ?client=${name} with x-api-key, signed and accepted`, async () => {
      const gw = await start({ apiKeys: [TEST_API_KEY] });
      const res = await client().send({ method: 'GET', url: gw.url, query: { client: name } });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        message: 'API Called',
        params: { client: name },
        method: 'GET',
      } satisfies Partial<Echo>);
      const [wire] = apiRequests(gw);
      expect(wire).toMatchObject({ method: 'GET', target: `/dev?client=${name}`, status: 200 });
      expect(signedHeaderNames(wire)).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'x-api-key']));
    });

    it(`sends the seed's POST { client: '${name}' } as the JSON bytes it signed`, async () => {
      const gw = await start({ apiKeys: [TEST_API_KEY] });
      const res = await client().send({ method: 'POST', url: gw.url, json: { client: name } });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ message: 'API Called', body: { client: name }, method: 'POST' });
      const [wire] = apiRequests(gw);
      expect(wire?.body.toString('utf8')).toBe(JSON.stringify({ client: name }));
      expect(wire?.headers['content-type']).toMatch(/^application\/json/);
    });

    it('gets a request changed after signing refused with 403 InvalidSignatureException, and the handler never runs', async () => {
      let handled = 0;
      const gw = await start({
        apiKeys: [TEST_API_KEY],
        handler: () => ({ statusCode: 200, body: String(++handled) }),
      });
      const res = await client({ tamperAfterSigning: true }).send({
        method: 'GET',
        url: `${gw.url}/items`,
        headers: { 'x-contract': 'signed' },
      });

      expect(res.status).toBe(403);
      expect((res.body as { message: string }).message).toContain(
        'The Canonical String for this request should have been',
      );
      expect(apiRequests(gw)[0]).toMatchObject({ status: 403, errorType: 'InvalidSignatureException' });
      expect(apiRequests(gw)[0]?.headers['x-contract']).toBe('changed');
      expect(handled).toBe(0);
    });

    it("signs with temporary credentials from the gateway's STS (the seed's AssumeRole, session1, 900 s)", async () => {
      const gw = await start({ apiKeys: [TEST_API_KEY] });
      const credentials = fromAssumeRole({
        roleArn: TEST_ROLE_ARN,
        roleSessionName: 'session1',
        durationSeconds: 900,
        masterCredentials: { ...TEST_CREDENTIALS },
        clientConfig: { endpoint: gw.stsUrl, region: REGION },
      });
      const res = await client({ signing: { ...SIGNING, credentials } }).send({
        method: 'GET',
        url: gw.url,
        query: { client: name },
      });

      expect(res.status).toBe(200);
      expect(gw.requests.filter((r) => r.api === 'sts').map((r) => r.status)).toEqual([200]);
      const [wire] = apiRequests(gw);
      expect(wire?.headers['authorization']).toMatch(/Credential=ASIA/);
      expect(wire?.headers['x-amz-security-token']).toBeTruthy();
      expect(signedHeaderNames(wire)).toContain('x-amz-security-token');
    });

    // declared only for clients that stream, so the others show no skipped test
    if (capabilities.streams)
      it('streams a body as UNSIGNED-PAYLOAD where the service allows it', async () => {
        const gw = await start({ allowUnsignedPayload: true });
        const chunks = ['part one, ', 'part two, ', 'part three'];
        const res = await client({ signing: { ...SIGNING, unsignedPayload: true } }).send({
          method: 'PUT',
          url: `${gw.url}/upload`,
          stream: chunks,
        });

        expect(res.status).toBe(200);
        const [wire] = apiRequests(gw);
        expect(wire?.headers['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
        expect(signedHeaderNames(wire)).toContain('x-amz-content-sha256');
        expect(wire?.body.toString('utf8')).toBe(chunks.join(''));
      });

    it("recovers from clock skew with the README's recipe when correctClockSkew is false: 403, correct from Date, then 200", async () => {
      // the gateway's clock runs 10 minutes ahead of the client's
      const gw = await start({ apiKeys: [TEST_API_KEY], now: () => Date.now() + 10 * 60_000 });
      const signer = createSigner(SIGNING);
      const res = await client({ signing: { signer, correctClockSkew: false }, clockSkewRecipe: signer }).send({
        method: 'GET',
        url: gw.url,
        query: { client: name },
      });

      expect(res.status).toBe(200);
      expect(apiRequests(gw).map((r) => [r.status, r.errorType])).toEqual([
        [403, 'InvalidSignatureException'],
        [200, undefined],
      ]);
      expect(Math.round(signer.clockOffset / 60_000)).toBe(10);
    });

    it('corrects a clock 20 minutes slow by itself: the refused POST is sent once more, re-signed, and later requests are right the first time', async () => {
      let handled = 0;
      const gw = await start({
        apiKeys: [TEST_API_KEY],
        handler: (event) => ({ statusCode: 200, body: JSON.stringify({ handled: ++handled, body: event.body }) }),
      });
      const signer = createSigner({ ...SIGNING, now: () => Date.now() - 20 * 60_000 });
      const api = client({ signing: { signer } });

      const first = await api.send({ method: 'POST', url: `${gw.url}/items`, json: { client: name } });
      const second = await api.send({ method: 'GET', url: `${gw.url}/items` });

      expect(first).toMatchObject({ status: 200, body: { handled: 1, body: JSON.stringify({ client: name }) } });
      expect(second).toMatchObject({ status: 200, body: { handled: 2 } });
      expect(apiRequests(gw).map((r) => [r.method, r.status, r.errorType])).toEqual([
        ['POST', 403, 'InvalidSignatureException'],
        ['POST', 200, undefined],
        ['GET', 200, undefined],
      ]);
      const dates = apiRequests(gw).map((r) => r.headers['x-amz-date']);
      expect(dates[1]).not.toBe(dates[0]);
      expect(Math.round(signer.clockOffset / 60_000)).toBe(20);
    });

    it('corrects a clock 20 minutes fast ("Signature not yet current") the same way', async () => {
      const gw = await start({ apiKeys: [TEST_API_KEY] });
      const signer = createSigner({ ...SIGNING, now: () => Date.now() + 20 * 60_000 });
      const res = await client({ signing: { signer } }).send({ method: 'GET', url: gw.url, query: { client: name } });

      expect(res.status).toBe(200);
      expect(apiRequests(gw).map((r) => r.status)).toEqual([403, 200]);
      expect(Math.round(signer.clockOffset / 60_000)).toBe(-20);
    });

    it('leaves a clock-skew 403 to the caller with correctClockSkew: false, and sends the request only once', async () => {
      const gw = await start({ apiKeys: [TEST_API_KEY] });
      const signer = createSigner({ ...SIGNING, now: () => Date.now() - 20 * 60_000 });
      const res = await client({ signing: { signer, correctClockSkew: false } }).send({ method: 'GET', url: gw.url });

      expect(res.status).toBe(403);
      expect((res.body as { message: string }).message).toMatch(/^Signature expired: /);
      expect(apiRequests(gw)).toHaveLength(1);
      expect(signer.clockOffset).toBe(0);
    });

    it('does not send again a 403 that is not about time (a tampered request)', async () => {
      const gw = await start({ apiKeys: [TEST_API_KEY] });
      const res = await client({ tamperAfterSigning: true }).send({
        method: 'GET',
        url: `${gw.url}/items`,
        headers: { 'x-contract': 'signed' },
      });

      expect(res.status).toBe(403);
      expect(apiRequests(gw)).toHaveLength(1);
    });

    it('sends requests presigned with signQuery (query auth, no Authorization header), GET and POST accepted', async () => {
      const gw = await start({ apiKeys: [TEST_API_KEY] });
      const api = client({ signing: { ...SIGNING, signQuery: { expiresIn: 60 } } });

      const got = await api.send({ method: 'GET', url: `${gw.url}/items`, query: { client: name } });
      const posted = await api.send({ method: 'POST', url: `${gw.url}/items`, json: { client: name } });

      expect(got).toMatchObject({ status: 200, body: { params: { client: name }, method: 'GET' } });
      expect(posted).toMatchObject({ status: 200, body: { body: { client: name }, method: 'POST' } });
      for (const wire of apiRequests(gw)) {
        expect(wire.headers['authorization']).toBeUndefined();
        expect(wire.query).toMatch(
          /X-Amz-Algorithm=AWS4-HMAC-SHA256&.*X-Amz-Expires=60&.*X-Amz-Signature=[0-9a-f]{64}/,
        );
      }
    });

    it('corrects clock skew for a presigned request (signQuery) as well', async () => {
      const gw = await start({ apiKeys: [TEST_API_KEY] });
      const signer = createSigner({ ...SIGNING, now: () => Date.now() - 20 * 60_000 });
      const res = await client({ signing: { signer, signQuery: true } }).send({ method: 'GET', url: gw.url });

      expect(res.status).toBe(200);
      expect(apiRequests(gw).map((r) => r.status)).toEqual([403, 200]);
    });

    if (capabilities.presignUrl) {
      const presignUrl = capabilities.presignUrl;
      it("gets a presigned URL from the adapter's options that a plain unsigned fetch can use", async () => {
        const gw = await start();
        const signer = createSigner(SIGNING);
        const link = await presignUrl(`${gw.url}/report?client=${name}`, { signer, expiresIn: 120 });
        const fromOptions = await presignUrl(`${gw.url}/report`, { ...SIGNING, expiresIn: 30 });

        const res = await fetch(link);
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ params: { client: name, 'X-Amz-Expires': '120' } });
        expect((await fetch(fromOptions)).status).toBe(200);
        expect((await fetch(`${link}x`)).status).toBe(403);
      });
    }

    it('signs for a service that requires x-amz-content-sha256 (aoss-like gateway), and the gateway refuses a request without it', async () => {
      const gw = await start({ service: 'aoss', requirePayloadHash: true });
      const aoss = { ...SIGNING, service: 'aoss' };

      const got = await client({ signing: aoss }).send({ method: 'GET', url: `${gw.url}/_search` });
      const posted = await client({ signing: aoss }).send({
        method: 'POST',
        url: `${gw.url}/_doc`,
        json: { client: name },
      });
      const without = await client({ signing: { ...aoss, applyChecksum: false } }).send({ method: 'GET', url: gw.url });

      expect([got.status, posted.status, without.status]).toEqual([200, 200, 403]);
      const wire = apiRequests(gw);
      expect(wire[1]?.headers['x-amz-content-sha256']).toBe(
        createHash('sha256')
          .update(JSON.stringify({ client: name }))
          .digest('hex'),
      );
      expect(signedHeaderNames(wire[0])).toContain('x-amz-content-sha256');
      expect((without.body as { message: string }).message).toBe('Missing required header: x-amz-content-sha256');
    });

    if (capabilities.streams)
      it('does not send a stream body again after a clock-skew 403: the stream was sent, the 403 reaches the caller', async () => {
        const gw = await start({ allowUnsignedPayload: true });
        const signer = createSigner({ ...SIGNING, unsignedPayload: true, now: () => Date.now() - 20 * 60_000 });
        const res = await client({ signing: { signer } }).send({
          method: 'PUT',
          url: `${gw.url}/upload`,
          stream: ['a', 'b'],
        });

        expect(res.status).toBe(403);
        expect(apiRequests(gw)).toHaveLength(1);
      });

    if (capabilities.streams)
      it("signs a stream with the caller's own x-amz-content-sha256 and sends it unread (aoss-like gateway)", async () => {
        const gw = await start({ service: 'aoss', requirePayloadHash: true });
        const chunks = ['big ', 'upload ', 'whose hash is known'];
        const hash = createHash('sha256').update(chunks.join('')).digest('hex');
        const res = await client({ signing: { ...SIGNING, service: 'aoss' } }).send({
          method: 'PUT',
          url: `${gw.url}/upload`,
          headers: { 'x-amz-content-sha256': hash },
          stream: chunks,
        });

        expect(res.status).toBe(200);
        const [wire] = apiRequests(gw);
        expect(wire?.headers['x-amz-content-sha256']).toBe(hash);
        expect(wire?.body.toString('utf8')).toBe(chunks.join(''));
      });
  });
}

/** Reads a response body as JSON, or as text when it is not JSON. */
export function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
