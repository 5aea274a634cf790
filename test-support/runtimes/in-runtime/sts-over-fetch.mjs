// A credentials provider for runtimes without the AWS SDK's Node STS client (Workers, browsers):
// STS AssumeRole as one signed fetch, its XML answer read without a DOM. Test support only.
import { createSigner } from '@sigv4/core';

const field = (xml, name) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

/**
 * `() => Promise<credentials>` that assumes `roleArn` (session `sessionName`, `durationSeconds`) at
 * `stsUrl`, signing the call with `credentials` (long-term keys, e.g. from Workers secrets).
 */
export function assumeRoleOverFetch({ stsUrl, region, roleArn, sessionName, durationSeconds, credentials }) {
  const sts = createSigner({ region, service: 'sts', credentials });
  return async () => {
    const body = new URLSearchParams({
      Action: 'AssumeRole',
      Version: '2011-06-15',
      RoleArn: roleArn,
      RoleSessionName: sessionName,
      DurationSeconds: String(durationSeconds),
    }).toString();
    const signed = await sts.sign({
      method: 'POST',
      url: stsUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
    });
    const response = await fetch(signed.url, { method: 'POST', headers: signed.headers, body });
    const xml = await response.text();
    const accessKeyId = field(xml, 'AccessKeyId');
    const secretAccessKey = field(xml, 'SecretAccessKey');
    if (!response.ok || !accessKeyId || !secretAccessKey) {
      throw new Error(`AssumeRole answered ${response.status}: ${field(xml, 'Message') ?? 'no credentials'}`);
    }
    return {
      accessKeyId,
      secretAccessKey,
      sessionToken: field(xml, 'SessionToken'),
      expiration: new Date(field(xml, 'Expiration') ?? 0),
    };
  };
}
