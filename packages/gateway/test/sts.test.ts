import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { type Gateway, type GatewayOptions, startGateway, TEST_CREDENTIALS, TEST_ROLE_ARN } from '@sigv4/gateway';
import { afterEach, describe, expect, it } from 'vitest';
import { smithySign } from './support/smithy-sign.js';

let gw: Gateway | undefined;
afterEach(async () => {
  await gw?.close();
  gw = undefined;
});

async function start(options: GatewayOptions = {}): Promise<Gateway> {
  gw = await startGateway(options);
  return gw;
}

function assumeRole(g: Gateway, params: { RoleArn: string; RoleSessionName: string; DurationSeconds?: number }) {
  return fromTemporaryCredentials({
    params,
    masterCredentials: TEST_CREDENTIALS,
    clientConfig: { endpoint: g.stsUrl, region: g.region, maxAttempts: 1 },
  })();
}

/** Signs an STS query-protocol call by hand (service `sts`). */
async function stsCall(
  g: Gateway,
  form: string,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = TEST_CREDENTIALS,
) {
  const s = await smithySign({
    url: g.stsUrl,
    method: 'POST',
    body: form,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    credentials,
    region: g.region,
    service: 'sts',
  });
  const res = await fetch(s.url, s.init);
  return { status: res.status, text: await res.text() };
}

describe('STS AssumeRole', () => {
  it('works with @aws-sdk/credential-providers fromTemporaryCredentials unmodified, and the session signs API calls', async () => {
    const g = await start();
    const creds = await assumeRole(g, { RoleArn: TEST_ROLE_ARN, RoleSessionName: 'round-trip', DurationSeconds: 900 });
    expect(creds.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(creds.secretAccessKey).toBeTruthy();
    expect(creds.sessionToken).toBeTruthy();
    expect(creds.expiration?.getTime()).toBeGreaterThan(Date.now() + 800_000);

    const sts = g.requests.find((r) => r.api === 'sts');
    expect(sts?.status).toBe(200);
    expect(sts?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(sts?.body.toString()).toContain('Action=AssumeRole');

    let identity: unknown;
    await g.close();
    gw = await startGateway({
      handler: (event) => {
        identity = event.requestContext.identity;
        return { statusCode: 200, body: '{}' };
      },
    });
    // a session of another gateway is unknown here
    const s = await smithySign({ url: `${gw.url}/me`, credentials: creds, region: gw.region, service: gw.service });
    expect((await fetch(s.url, s.init)).status).toBe(403);
    const creds2 = await assumeRole(gw, { RoleArn: TEST_ROLE_ARN, RoleSessionName: 'round-trip' });
    const s2 = await smithySign({ url: `${gw.url}/me`, credentials: creds2, region: gw.region, service: gw.service });
    expect((await fetch(s2.url, s2.init)).status).toBe(200);
    expect(identity).toMatchObject({
      accessKey: creds2.accessKeyId,
      userArn: 'arn:aws:sts::123456789012:assumed-role/sigv4-test-role/round-trip',
    });
  });

  it('refuses an API call with the session key but without its token, or a changed token', async () => {
    const g = await start();
    const creds = await assumeRole(g, { RoleArn: TEST_ROLE_ARN, RoleSessionName: 'no-token' });
    const noToken = await smithySign({
      url: `${g.url}/x`,
      credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey },
      region: g.region,
      service: g.service,
    });
    const res = await fetch(noToken.url, noToken.init);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnrecognizedClientException');
    const badToken = await smithySign({
      url: `${g.url}/x`,
      credentials: { ...creds, sessionToken: `${creds.sessionToken}x` },
      region: g.region,
      service: g.service,
    });
    expect((await fetch(badToken.url, badToken.init)).status).toBe(403);
  });

  it('refuses a session once it expired with ExpiredTokenException', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const g = await start({ now: () => now });
    const xml = await stsCall(
      g,
      `Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(TEST_ROLE_ARN)}&RoleSessionName=exp&DurationSeconds=900`,
    );
    // stsCall signs at the wall clock, which is ahead of the gateway's fixed 2026-01-01 clock
    expect(xml.status, xml.text).toBe(403);
    expect(xml.text).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect(xml.text).toContain('Signature not yet current: ');
    now = Date.now();
    const ok = await stsCall(
      g,
      `Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(TEST_ROLE_ARN)}&RoleSessionName=exp&DurationSeconds=900`,
    );
    expect(ok.status, ok.text).toBe(200);
    const pick = (tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(ok.text)?.[1] ?? '';
    const creds = {
      accessKeyId: pick('AccessKeyId'),
      secretAccessKey: pick('SecretAccessKey'),
      sessionToken: pick('SessionToken'),
    };
    const expiration = Date.parse(pick('Expiration'));
    expect(expiration).toBe(now + 900_000);

    const signAt = async (date: number) => {
      const s = await smithySign({
        url: `${g.url}/x`,
        credentials: creds,
        region: g.region,
        service: g.service,
        signingDate: new Date(date),
      });
      return fetch(s.url, s.init);
    };
    now = expiration - 1000;
    expect((await signAt(now)).status).toBe(200);
    now = expiration;
    const res = await signAt(now);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('ExpiredTokenException');
    expect(await res.json()).toEqual({ message: 'The security token included in the request is expired' });
  });

  it('enforces DurationSeconds from 900 to 43200 with a ValidationError', async () => {
    const g = await start();
    for (const [duration, ok] of [
      [899, false],
      [900, true],
      [43200, true],
      [43201, false],
    ] as const) {
      const r = await stsCall(
        g,
        `Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(TEST_ROLE_ARN)}&RoleSessionName=dd&DurationSeconds=${duration}`,
      );
      expect(r.status, `${duration}`).toBe(ok ? 200 : 400);
      if (!ok) {
        expect(r.text).toContain('<Type>Sender</Type>');
        expect(r.text).toContain('<Code>ValidationError</Code>');
        expect(r.text).toContain(`Value '${duration}' at 'durationSeconds' failed to satisfy constraint`);
      }
    }
    const sdk = assumeRole(g, { RoleArn: TEST_ROLE_ARN, RoleSessionName: 'too-short', DurationSeconds: 60 });
    await expect(sdk).rejects.toMatchObject({ name: 'ValidationError' });
  });

  it('refuses a role it does not know with STS AccessDenied XML, which the SDK surfaces', async () => {
    const g = await start();
    const other = 'arn:aws:iam::123456789012:role/not-allowed';
    const r = await stsCall(
      g,
      `Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(other)}&RoleSessionName=ss`,
    );
    expect(r.status).toBe(403);
    expect(r.text).toMatch(/^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/);
    expect(r.text).toContain('<Type>Sender</Type>');
    expect(r.text).toContain('<Code>AccessDenied</Code>');
    expect(r.text).toContain(
      `<Message>User: arn:aws:iam::123456789012:user/${TEST_CREDENTIALS.accessKeyId} is not authorized to perform: sts:AssumeRole on resource: ${other}</Message>`,
    );
    await expect(assumeRole(g, { RoleArn: other, RoleSessionName: 'ss' })).rejects.toMatchObject({
      name: 'AccessDenied',
    });
  });

  it('verifies the STS request itself: unsigned, wrong service and unknown key are refused', async () => {
    const g = await start();
    const form = `Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(TEST_ROLE_ARN)}&RoleSessionName=ss`;
    const unsigned = await fetch(g.stsUrl, {
      method: 'POST',
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain('<Code>MissingAuthenticationToken</Code>');
    const wrongService = await smithySign({
      url: g.stsUrl,
      method: 'POST',
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      credentials: TEST_CREDENTIALS,
      region: g.region,
      service: 'execute-api',
    });
    const res = await fetch(wrongService.url, wrongService.init);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Credential should be scoped to correct service: 'sts'. ");
    const unknown = await stsCall(g, form, { accessKeyId: 'AKIAUNKNOWNUNKNOWN00', secretAccessKey: 'x'.repeat(40) });
    expect(unknown.status).toBe(403);
    expect(unknown.text).toContain('<Code>InvalidClientTokenId</Code>');
  });

  it('answers GetCallerIdentity and refuses unknown actions with InvalidAction', async () => {
    const g = await start();
    const me = await stsCall(g, 'Action=GetCallerIdentity&Version=2011-06-15');
    expect(me.status).toBe(200);
    expect(me.text).toContain(`<Arn>arn:aws:iam::123456789012:user/${TEST_CREDENTIALS.accessKeyId}</Arn>`);
    const bad = await stsCall(g, 'Action=GetSessionToken&Version=2011-06-15');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('<Code>InvalidAction</Code>');
  });

  it('limits a session assuming a role (role chaining) to 1 hour, like STS', async () => {
    const g = await start();
    const first = await assumeRole(g, { RoleArn: TEST_ROLE_ARN, RoleSessionName: 'first' });
    const chained = (d: number) =>
      stsCall(
        g,
        `Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(TEST_ROLE_ARN)}&RoleSessionName=chained&DurationSeconds=${d}`,
        first,
      );
    const tooLong = await chained(3601);
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain(
      '<Message>The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.</Message>',
    );
    expect((await chained(3600)).status).toBe(200);
  });

  it('also speaks the JSON protocol (X-Amz-Target AWSSecurityTokenServiceV20110615.AssumeRole)', async () => {
    const g = await start();
    const call = async (target: string, body: unknown) => {
      const s = await smithySign({
        url: g.stsUrl,
        method: 'POST',
        body: JSON.stringify(body),
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': `AWSSecurityTokenServiceV20110615.${target}`,
        },
        credentials: TEST_CREDENTIALS,
        region: g.region,
        service: 'sts',
      });
      const res = await fetch(s.url, s.init);
      return {
        status: res.status,
        queryError: res.headers.get('x-amzn-query-error'),
        json: (await res.json()) as {
          Credentials: Record<string, unknown>;
          AssumedRoleUser: Record<string, unknown>;
          __type?: string;
        },
      };
    };
    const ok = await call('AssumeRole', { RoleArn: TEST_ROLE_ARN, RoleSessionName: 'json', DurationSeconds: 900 });
    expect(ok.status).toBe(200);
    expect(ok.json.Credentials.AccessKeyId).toMatch(/^ASIA/);
    expect(typeof ok.json.Credentials.Expiration).toBe('number');
    expect(ok.json.AssumedRoleUser.Arn).toBe('arn:aws:sts::123456789012:assumed-role/sigv4-test-role/json');
    const denied = await call('AssumeRole', {
      RoleArn: 'arn:aws:iam::123456789012:role/other',
      RoleSessionName: 'json',
    });
    expect(denied).toMatchObject({ status: 403, queryError: 'AccessDenied;Sender', json: { __type: 'AccessDenied' } });
  });
});
