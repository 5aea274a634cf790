import { createHash } from 'node:crypto';
import { createSigner, isSigV4Error } from '@sigv4/core';
import { describe, expect, it } from 'vitest';
import { CREDENTIALS, FIXED_NOW } from './support/fixtures.js';

const signer = createSigner({ credentials: CREDENTIALS, now: FIXED_NOW });

const TABLE: [url: string, region: string, service: string][] = [
  ['https://abc123.execute-api.eu-central-1.amazonaws.com/prod/items', 'eu-central-1', 'execute-api'],
  ['https://abc123.execute-api.cn-north-1.amazonaws.com.cn/prod', 'cn-north-1', 'execute-api'],
  ['https://abc123.execute-api.us-gov-west-1.amazonaws.com/prod', 'us-gov-west-1', 'execute-api'],
  ['https://xyz.lambda-url.us-west-2.on.aws/', 'us-west-2', 'lambda'],
  ['https://xyz.appsync-api.ap-southeast-2.amazonaws.com/graphql', 'ap-southeast-2', 'appsync'],
  ['https://search-logs-abc.eu-west-1.es.amazonaws.com/_search', 'eu-west-1', 'es'],
  ['https://abc123.us-east-1.aoss.amazonaws.com/index/_doc', 'us-east-1', 'aoss'],
  ['https://s3.amazonaws.com/bucket/key', 'us-east-1', 's3'],
  ['https://bucket.s3.amazonaws.com/key', 'us-east-1', 's3'],
  ['https://bucket.s3.eu-west-1.amazonaws.com/key', 'eu-west-1', 's3'],
  ['https://s3.eu-west-1.amazonaws.com/bucket/key', 'eu-west-1', 's3'],
  ['https://bucket.s3-eu-west-1.amazonaws.com/key', 'eu-west-1', 's3'],
  ['https://s3.dualstack.eu-west-1.amazonaws.com/bucket/key', 'eu-west-1', 's3'],
  ['https://my.bucket.s3.dualstack.eu-west-1.amazonaws.com/key', 'eu-west-1', 's3'],
  ['https://bucket.s3.cn-north-1.amazonaws.com.cn/key', 'cn-north-1', 's3'],
  ['https://ap-123456789012.s3-accesspoint.eu-west-1.amazonaws.com/key', 'eu-west-1', 's3'],
  ['https://dynamodb.eu-central-1.amazonaws.com/', 'eu-central-1', 'dynamodb'],
  ['https://dynamodb.eu-central-1.api.aws/', 'eu-central-1', 'dynamodb'],
  ['https://sqs.eu-central-1.amazonaws.com/123456789012/queue', 'eu-central-1', 'sqs'],
  ['https://lambda-fips.us-east-1.amazonaws.com/', 'us-east-1', 'lambda'],
  ['https://bedrock-runtime.us-east-1.amazonaws.com/model/x/invoke', 'us-east-1', 'bedrock'],
  ['https://runtime.sagemaker.eu-west-1.amazonaws.com/endpoints/x/invocations', 'eu-west-1', 'sagemaker'],
  ['https://sts.amazonaws.com/', 'us-east-1', 'sts'],
  ['https://iam.amazonaws.com/', 'us-east-1', 'iam'],
  // Private APIs through an interface VPC endpoint, and other interface endpoints
  [
    'https://a1b2c3d4e5-vpce-0123456789abcdef0.execute-api.us-east-1.vpce.amazonaws.com/prod/items',
    'us-east-1',
    'execute-api',
  ],
  ['https://vpce-0123456789abcdef0-abcd1234.execute-api.eu-west-1.vpce.amazonaws.com/prod', 'eu-west-1', 'execute-api'],
  ['https://vpce-0123456789abcdef0-abcd1234.sts.eu-west-1.vpce.amazonaws.com/', 'eu-west-1', 'sts'],
  ['https://bucket.vpce-0123456789abcdef0-abcd1234.s3.eu-west-1.vpce.amazonaws.com/key', 'eu-west-1', 's3'],
  [
    'https://vpce-0123456789abcdef0-abcd1234.execute-api.cn-north-1.vpce.amazonaws.com.cn/prod',
    'cn-north-1',
    'execute-api',
  ],
  // IoT: data plane (iot:Data-ATS, iot:Data, the SDK's default), jobs, control plane
  ['https://a1b2c3d4e5f6g7-ats.iot.eu-west-1.amazonaws.com/things/t/shadow', 'eu-west-1', 'iotdata'],
  ['https://a1b2c3d4e5f6g7.iot.eu-west-1.amazonaws.com/topics/t', 'eu-west-1', 'iotdata'],
  ['https://data-ats.iot.us-east-1.amazonaws.com/topics/t', 'us-east-1', 'iotdata'],
  ['https://a1b2c3d4e5f6g7.jobs.iot.us-east-1.amazonaws.com/things/t/jobs', 'us-east-1', 'iot-jobs-data'],
  ['https://iot.us-east-1.amazonaws.com/things', 'us-east-1', 'iot'],
];

describe('region and service inference', () => {
  it.each(TABLE)('infers %s as %s / %s', async (url, region, service) => {
    const info = await signer.explain({ url });
    expect({ region: info.region, service: info.service }).toEqual({ region, service });
  });

  it('lets explicit options win over the host', async () => {
    const info = await createSigner({ credentials: CREDENTIALS, region: 'eu-west-3', service: 'custom' }).explain({
      url: 'https://abc123.execute-api.eu-central-1.amazonaws.com/prod',
    });
    expect({ region: info.region, service: info.service }).toEqual({ region: 'eu-west-3', service: 'custom' });
  });

  it('infers only the missing part', async () => {
    const info = await createSigner({ credentials: CREDENTIALS, service: 'execute-api' }).explain({
      url: 'https://dynamodb.ap-south-1.amazonaws.com/',
    });
    expect({ region: info.region, service: info.service }).toEqual({ region: 'ap-south-1', service: 'execute-api' });
  });

  it('fails on a custom domain with REGION_UNRESOLVED, naming both options', async () => {
    const error = await signer.sign({ url: 'https://api.example.com/items' }).catch((e: unknown) => e);
    expect(isSigV4Error(error) && error.code).toBe('REGION_UNRESOLVED');
    expect((error as Error).message).toMatch(/pass `region`/);
    expect((error as Error).message).toMatch(/pass `service`/);
  });

  it('fails on a custom domain with SERVICE_UNRESOLVED when only the region is given', async () => {
    const error = await createSigner({ credentials: CREDENTIALS, region: 'eu-central-1' })
      .sign({ url: 'https://api.example.com/items' })
      .catch((e: unknown) => e);
    expect(isSigV4Error(error) && error.code).toBe('SERVICE_UNRESOLVED');
    expect((error as Error).message).toMatch(/pass `service`/);
  });

  it('knows the service but not the region of an S3 accelerate endpoint', async () => {
    const error = await signer.sign({ url: 'https://bucket.s3-accelerate.amazonaws.com/key' }).catch((e: unknown) => e);
    expect(isSigV4Error(error) && error.code).toBe('REGION_UNRESOLVED');
  });

  it.each([
    'https://bucket.s3-accelerate.amazonaws.com/a%20b',
    'https://bucket.s3-accelerate.dualstack.amazonaws.com/a%20b',
  ])('signs %s as s3 (no double encoding, content hash) in the given bucket region', async (url) => {
    const s = createSigner({ credentials: CREDENTIALS, now: FIXED_NOW, region: 'eu-west-1' });
    const signed = await s.sign({ url });
    expect(signed.headers.authorization).toContain(
      '/eu-west-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date,',
    );
    expect((await s.explain({ url })).canonicalRequest.split('\n')[1]).toBe('/a%20b');
  });
});

describe('s3', () => {
  const s3 = createSigner({ credentials: CREDENTIALS, now: FIXED_NOW });

  it('always sets x-amz-content-sha256 and signs it', async () => {
    const get = await s3.sign({ url: 'https://bucket.s3.eu-west-1.amazonaws.com/key.txt' });
    expect(get.headers['x-amz-content-sha256']).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(get.headers.authorization).toContain('SignedHeaders=host;x-amz-content-sha256;x-amz-date,');
    const put = await s3.sign({
      method: 'PUT',
      url: 'https://bucket.s3.eu-west-1.amazonaws.com/key.txt',
      body: 'hello',
    });
    expect(put.headers['x-amz-content-sha256']).toBe(createHash('sha256').update('hello').digest('hex'));
  });

  it('encodes the path once and keeps double slashes (dot segments are removed, as clients send the path)', async () => {
    const info = await s3.explain({ url: 'https://bucket.s3.eu-west-1.amazonaws.com/a%20b/c%2Bd+e//./f' });
    expect(info.canonicalRequest.split('\n')[1]).toBe('/a%20b/c%2Bd%2Be//f');
  });

  it('presigns with UNSIGNED-PAYLOAD and only host signed', async () => {
    const link = new URL(
      await s3.presign({ url: 'https://bucket.s3.eu-west-1.amazonaws.com/key.txt', expiresIn: 300 }),
    );
    expect(link.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(link.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(link.searchParams.get('X-Amz-Credential')).toBe('AKIDEXAMPLE/20150830/eu-west-1/s3/aws4_request');
    expect(link.searchParams.has('x-amz-content-sha256')).toBe(false);
  });
});
