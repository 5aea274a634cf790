// Browser side of the test pages: bundled into each page by esbuild, runs inside Chromium.
// No Node APIs here.
import { BODY_CASES } from './body-cases.mjs';

let providerCalls = 0;

/**
 * A credential provider as an app would write one around Cognito or its own backend: an async
 * function the signer calls; here it fetches STS temporary credentials through the test
 * (window.sigv4AssumeRole is exposed by the harness with page.exposeFunction).
 */
export async function credentialsProvider() {
  providerCalls += 1;
  const wire = await window.sigv4AssumeRole();
  return {
    accessKeyId: wire.accessKeyId,
    secretAccessKey: wire.secretAccessKey,
    ...(wire.sessionToken === undefined ? {} : { sessionToken: wire.sessionToken }),
    ...(wire.expiration === undefined ? {} : { expiration: new Date(wire.expiration) }),
  };
}

/**
 * A provider that calls STS AssumeRole from the page itself (cross-origin, signed by `signer`, a
 * core signer for service `sts` holding long-term credentials) and reads the XML answer with
 * DOMParser: the shape of an app's own credentials endpoint, without any AWS SDK in the bundle.
 */
export function assumeRoleInPage({ signer, stsUrl, roleArn, sessionName }) {
  return async () => {
    providerCalls += 1;
    const body = new URLSearchParams({
      Action: 'AssumeRole',
      Version: '2011-06-15',
      RoleArn: roleArn,
      RoleSessionName: sessionName,
    }).toString();
    const signed = await signer.sign({
      method: 'POST',
      url: stsUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
    });
    const res = await fetch(signed.url, { method: 'POST', headers: signed.headers, body });
    const xml = new DOMParser().parseFromString(await res.text(), 'application/xml');
    const field = (name) => xml.getElementsByTagName(name)[0]?.textContent ?? undefined;
    if (!res.ok || !field('AccessKeyId'))
      throw new Error(`AssumeRole answered ${res.status}: ${field('Message') ?? ''}`);
    return {
      accessKeyId: field('AccessKeyId'),
      secretAccessKey: field('SecretAccessKey'),
      sessionToken: field('SessionToken'),
      expiration: new Date(field('Expiration')),
    };
  };
}

/** How often credentialsProvider ran in this page. */
export function getProviderCalls() {
  return providerCalls;
}

/**
 * Counts calls of `crypto.subtle.digest`, `.sign` and `.importKey` from now on, so a page can show
 * that signing really ran on WebCrypto. Returns a function reading the counts.
 */
export function countWebCryptoCalls() {
  const counts = { digest: 0, sign: 0, importKey: 0 };
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return () => counts;
  for (const name of Object.keys(counts)) {
    const original = subtle[name].bind(subtle);
    subtle[name] = (...args) => {
      counts[name] += 1;
      return original(...args);
    };
  }
  return () => ({ ...counts });
}

/**
 * Runs `send` expecting a rejection (e.g. signing without credentials): `{ error }` when it
 * rejects, `{ status }` when a response came back instead.
 */
export async function expectRejection(send) {
  try {
    const res = await send();
    return { status: res.status };
  } catch (error) {
    return { error: toPageError(error) };
  }
}

/** Parses JSON bodies, keeps anything else as text. */
export function parseBody(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Turns anything thrown into a serializable { name, code?, message }. */
export function toPageError(error) {
  if (error instanceof Error) {
    const code = error.code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: typeof error, message: String(error) };
}

/** Reads a fetch Response into { status, body }. */
export async function fromResponse(res) {
  return { status: res.status, body: parseBody(await res.text()) };
}

/** The JSON document every client POSTs (non-ASCII on purpose: the hash covers UTF-8 bytes). */
export function postBody(client) {
  return { client, items: [1, 2, 3], note: 'grüße ✓' };
}

const BODY_FACTORIES = {
  blob: () => new Blob(['grüße ', '✓'], { type: 'text/plain' }),
  form: () => new URLSearchParams({ a: 'b c', d: 'é' }),
  multipart: () => {
    const form = new FormData();
    form.append('field', 'value ✓');
    form.append('file', new Blob(['file body'], { type: 'text/plain' }), 'f.txt');
    return form;
  },
  bytes: () => new Uint8Array([0, 1, 2, 255]),
  buffer: () => new Uint8Array([3, 4, 5]).buffer,
};

/** Cases for BODY_CASES, each sent by `send(url, method, body)` (prefix added to the names). */
export function bodyCases(prefix, gatewayUrl, send) {
  return Object.fromEntries(
    BODY_CASES.map(({ name, method, kind }) => [
      `${prefix}${name}`,
      () => send(`${gatewayUrl}/bodies?kind=${kind}`, method, BODY_FACTORIES[kind]()),
    ]),
  );
}

/**
 * Declares the page's cases: `cases(config)` returns { name: () => Promise<result> }. They run in
 * order; a rejection becomes { error } so the other cases still run. The test calls
 * window.runSuite(config) and gets { [name]: { name, status?, body?, error? } }.
 */
export function definePage(cases) {
  window.runSuite = async (config) => {
    const results = {};
    for (const [name, run] of Object.entries(cases(config))) {
      try {
        results[name] = { name, ...(await run()) };
      } catch (error) {
        results[name] = { name, error: toPageError(error) };
      }
    }
    results.providerCalls = { name: 'providerCalls', body: providerCalls };
    return results;
  };
}
