/**
 * Region and signing name inferred from hosts: signing names from AWS's service models (botocore's
 * data, see scripts/generate-signing-names.mjs), global and legacy endpoints, S3-compatible clouds.
 * Rows follow aws4fetch's own host table (test/serviceTests.js) where AWS's data agrees with it.
 */

import { createSigner, isSigV4Error } from '@sigv4/core';
import { describe, expect, it } from 'vitest';
import { CREDENTIALS, FIXED_NOW } from './support/fixtures.js';

const signer = createSigner({ credentials: CREDENTIALS, now: FIXED_NOW });

const infer = async (url: string) => {
  const info = await signer.explain({ url });
  return [info.region, info.service];
};

/** Signing names that differ from the host's endpoint prefix, as AWS's service models give them. */
const SIGNING_NAMES: [url: string, region: string, service: string][] = [
  ['https://appstream2.us-west-2.amazonaws.com/', 'us-west-2', 'appstream'],
  ['https://cloudhsmv2.us-west-2.amazonaws.com/', 'us-west-2', 'cloudhsm'],
  ['https://pinpoint.us-east-1.amazonaws.com/', 'us-east-1', 'mobiletargeting'],
  ['https://personalize-runtime.us-west-2.amazonaws.com/', 'us-west-2', 'personalize'],
  ['https://mobile.us-east-1.amazonaws.com/', 'us-east-1', 'AWSMobileHubService'],
  ['https://entitlement.marketplace.us-east-1.amazonaws.com/', 'us-east-1', 'aws-marketplace'],
  ['https://metering.marketplace.us-east-1.amazonaws.com/', 'us-east-1', 'aws-marketplace'],
  ['https://mturk-requester-sandbox.us-east-1.amazonaws.com/', 'us-east-1', 'mturk-requester'],
  ['https://a1b2c3d4e5f6g7-ats.iot.us-east-1.amazonaws.com/mqtt', 'us-east-1', 'iotdevicegateway'],
  ['https://aa-custom-endpoint.iot.us-east-1.amazonaws.com/mqtt', 'us-east-1', 'iotdevicegateway'],
  ['https://aa-custom-endpoint.iot.us-east-1.amazonaws.com/topics', 'us-east-1', 'iotdata'],
  ['https://data.iot.us-east-1.amazonaws.com/', 'us-east-1', 'iotdata'],
  ['https://data.jobs.iot.us-east-1.amazonaws.com/', 'us-east-1', 'iot-jobs-data'],
  ['https://api.pricing.us-east-1.amazonaws.com/', 'us-east-1', 'pricing'],
  ['https://data.mediastore.us-west-2.amazonaws.com/', 'us-west-2', 'mediastore'],
  ['https://email.us-west-2.amazonaws.com/', 'us-west-2', 'ses'],
  ['https://models.lex.us-east-1.amazonaws.com/', 'us-east-1', 'lex'],
  ['https://runtime.lex.us-east-1.amazonaws.com/', 'us-east-1', 'lex'],
  ['https://runtime.sagemaker.us-west-2.amazonaws.com/', 'us-west-2', 'sagemaker'],
  ['https://streams.dynamodb.us-west-2.amazonaws.com/', 'us-west-2', 'dynamodb'],
  ['https://streams.dynamodb.cn-north-1.amazonaws.com.cn/', 'cn-north-1', 'dynamodb'],
  ['https://codebuild-fips.us-west-2.amazonaws.com/', 'us-west-2', 'codebuild'],
  ['https://appstream2-fips.us-west-2.amazonaws.com/', 'us-west-2', 'appstream'],
  ['https://oidc.us-east-1.amazonaws.com/', 'us-east-1', 'sso-oauth'],
  ['https://route53domains.us-east-1.amazonaws.com/', 'us-east-1', 'route53domains'],
  ['https://waf-regional.us-west-2.amazonaws.com/', 'us-west-2', 'waf-regional'],
  // AWS's current IoT model signs the control plane as "iot" (older models: "execute-api").
  ['https://iot.us-west-2.amazonaws.com/things', 'us-west-2', 'iot'],
];

/** Hosts without a region label, legacy forms, S3-compatible clouds. */
const HOSTS: [url: string, region: string, service: string][] = [
  ['https://ec2.amazonaws.com/', 'us-east-1', 'ec2'],
  ['https://autoscaling.amazonaws.com/', 'us-east-1', 'autoscaling'],
  ['https://elasticloadbalancing.amazonaws.com/', 'us-east-1', 'elasticloadbalancing'],
  ['https://elasticmapreduce.amazonaws.com/', 'us-east-1', 'elasticmapreduce'],
  ['https://sdb.amazonaws.com/', 'us-east-1', 'sdb'],
  ['https://waf.amazonaws.com/', 'us-east-1', 'waf'],
  ['https://queue.amazonaws.com/', 'us-east-1', 'sqs'],
  ['https://cloudfront.amazonaws.com/', 'us-east-1', 'cloudfront'],
  ['https://route53.amazonaws.com/', 'us-east-1', 'route53'],
  ['https://s3-external-1.amazonaws.com/', 'us-east-1', 's3'],
  // botocore's endpoints.json signs importexport's global endpoint for "IngestionService".
  ['https://importexport.amazonaws.com/', 'us-east-1', 'IngestionService'],
  ['https://iam.us-gov.amazonaws.com/', 'us-gov-west-1', 'iam'],
  ['https://ap-northeast-1.queue.amazonaws.com/', 'ap-northeast-1', 'sqs'],
  ['https://cn-north-1.queue.amazonaws.com/', 'cn-north-1', 'sqs'],
  ['https://eu-west-3.queue.amazonaws.com/123456789012/q', 'eu-west-3', 'sqs'],
  ['https://aa-custom-endpoint.us-east-1.cloudsearch.amazonaws.com/', 'us-east-1', 'cloudsearch'],
  ['https://s3-fips-us-gov-west-1.amazonaws.com/', 'us-gov-west-1', 's3'],
  ['https://s3-us-gov-west-1.amazonaws.com/', 'us-gov-west-1', 's3'],
  ['https://s3-us-west-2.amazonaws.com/', 'us-west-2', 's3'],
  ['https://12345678.r2.cloudflarestorage.com/bucket/key', 'auto', 's3'],
  ['https://aa-custom-bucket.12345678.r2.cloudflarestorage.com/key', 'auto', 's3'],
  ['https://s3.us-west-001.backblazeb2.com/bucket/key', 'us-west-001', 's3'],
  ['https://aa-custom-bucket.s3.us-west-001.backblazeb2.com/key', 'us-west-001', 's3'],
];

describe('signing names from AWS service models', () => {
  it.each(SIGNING_NAMES)('infers %s as %s / %s', async (url, region, service) => {
    expect(await infer(url)).toEqual([region, service]);
  });
});

describe('global, legacy and S3-compatible hosts', () => {
  it.each(HOSTS)('infers %s as %s / %s', async (url, region, service) => {
    expect(await infer(url)).toEqual([region, service]);
  });

  it('signs an R2 request as s3 in region auto (path encoded once, content hash signed)', async () => {
    const signed = await signer.sign({ url: 'https://acct.r2.cloudflarestorage.com/b/a%20b' });
    expect(signed.headers.authorization).toContain(
      '/auto/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date,',
    );
  });

  it('does not guess a B2 host that is not its S3 API', async () => {
    const error = await signer.sign({ url: 'https://api.backblazeb2.com/b2api/v2' }).catch((e: unknown) => e);
    expect(isSigV4Error(error) && error.code).toBe('REGION_UNRESOLVED');
  });

  it('caches the /mqtt service apart from the rest of an IoT data host', async () => {
    const s = createSigner({ credentials: CREDENTIALS, now: FIXED_NOW });
    const host = 'https://abc-ats.iot.eu-west-1.amazonaws.com';
    expect((await s.explain({ url: `${host}/topics/t` })).service).toBe('iotdata');
    expect((await s.explain({ url: `${host}/mqtt` })).service).toBe('iotdevicegateway');
    expect((await s.explain({ url: `${host}/things/t/shadow` })).service).toBe('iotdata');
  });
});
