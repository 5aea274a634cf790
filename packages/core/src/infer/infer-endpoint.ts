/**
 * Region and signing name of an AWS endpoint, read from its host name.
 * @internal
 */

/** What a host says about how to sign for it; either part may be unknown. @internal */
export interface InferredEndpoint {
  readonly region: string | undefined;
  readonly service: string | undefined;
}

/** `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`, `us-iso-east-1` … */
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/** Endpoint prefixes whose signing name differs from the prefix. */
const SIGNING_NAMES: Readonly<Record<string, string>> = {
  'execute-api': 'execute-api',
  'lambda-url': 'lambda',
  'appsync-api': 'appsync',
  'appsync-realtime-api': 'appsync',
  'bedrock-runtime': 'bedrock',
  'bedrock-agent': 'bedrock',
  'bedrock-agent-runtime': 'bedrock',
  email: 'ses',
  'runtime.sagemaker': 'sagemaker',
  'runtime-v2-lex': 'lex',
  'jobs.iot': 'iot-jobs-data',
};

/** Global endpoints signed for us-east-1. */
const GLOBAL_SERVICES: Readonly<Record<string, string>> = {
  iam: 'iam',
  sts: 'sts',
  route53: 'route53',
  cloudfront: 'cloudfront',
  organizations: 'organizations',
  s3: 's3',
  's3-external-1': 's3',
};

const AWS_SUFFIXES = ['.amazonaws.com.cn', '.amazonaws.com', '.api.aws', '.on.aws'] as const;

const UNKNOWN: InferredEndpoint = Object.freeze({ region: undefined, service: undefined });

const signingName = (prefix: string): string => SIGNING_NAMES[prefix] ?? prefix.replace(/-fips$/, '');

/**
 * Infers region and service from an AWS host name. Unknown hosts (custom domains) give neither.
 *
 * Covered: `*.execute-api.{region}.amazonaws.com`, `*.lambda-url.{region}.on.aws`,
 * `*.appsync-api.{region}.amazonaws.com`, `*.{region}.es.amazonaws.com`, `*.{region}.aoss.amazonaws.com`,
 * S3 (virtual-hosted and path style, `s3.amazonaws.com` = us-east-1, `s3-{region}`, dualstack, accelerate,
 * access points), IoT data (`{id}[-ats].iot.{region}.amazonaws.com` = `iotdata`), interface VPC endpoints
 * (`….{service}.{region}.vpce.amazonaws.com`, e.g. private APIs `{api-id}-{vpce-id}.execute-api.{region}.vpce.amazonaws.com`),
 * `{service}.{region}.amazonaws.com`, `{service}.{region}.api.aws` and the `.amazonaws.com.cn` forms.
 * @internal
 */
export function inferEndpoint(host: string): InferredEndpoint {
  const hostname = host.toLowerCase().replace(/\.$/, '');
  const suffix = AWS_SUFFIXES.find((s) => hostname.endsWith(s));
  if (!suffix) return UNKNOWN;
  const labels = hostname.slice(0, -suffix.length).split('.');
  if (labels.some((label) => label === '')) return UNKNOWN;
  // Interface VPC endpoints: the same host with ".vpce" before the suffix.
  if (labels.length >= 3 && labels[labels.length - 1] === 'vpce' && suffix.startsWith('.amazonaws.')) labels.pop();

  // OpenSearch and OpenSearch Serverless put the region before the service: {domain}.{region}.es
  const last = labels[labels.length - 1] as string;
  const beforeLast = labels[labels.length - 2];
  if ((last === 'es' || last === 'aoss') && beforeLast !== undefined && REGION.test(beforeLast)) {
    return { region: beforeLast, service: last };
  }

  const s3 = inferS3(labels);
  if (s3) return s3;

  // {…}.{prefix}.{region}.{suffix}: the label before the region names the service.
  if (REGION.test(last)) {
    const prefix = labels[labels.length - 2];
    if (prefix === undefined) return { region: last, service: undefined };
    const twoLabels = labels.length >= 3 ? `${labels[labels.length - 3]}.${prefix}` : undefined;
    if (twoLabels !== undefined && SIGNING_NAMES[twoLabels]) return { region: last, service: SIGNING_NAMES[twoLabels] };
    // {id}-ats.iot / {id}.iot (iot:Data-ATS, iot:Data): the data plane; iot.{region} is the control plane.
    if (prefix === 'iot' && labels.length >= 3) return { region: last, service: 'iotdata' };
    if (prefix === 'dualstack' && labels.length >= 3) {
      return { region: last, service: signingName(labels[labels.length - 3] as string) };
    }
    return { region: last, service: signingName(prefix) };
  }
  // {service}.amazonaws.com global endpoints
  if (labels.length === 1 && suffix === '.amazonaws.com' && GLOBAL_SERVICES[last]) {
    return { region: 'us-east-1', service: GLOBAL_SERVICES[last] };
  }
  return UNKNOWN;
}

/** S3 host forms; `undefined` when the host is not S3. */
function inferS3(labels: readonly string[]): InferredEndpoint | undefined {
  // Find the S3 label from the right: a bucket name may itself contain "s3".
  for (let i = labels.length - 1; i >= 0; i--) {
    const label = labels[i] as string;
    const rest = labels.slice(i + 1);
    if (label === 's3' || label === 's3-fips' || label === 's3-accesspoint' || label === 's3-object-lambda') {
      // s3[.dualstack][.{region}]
      const tail = rest[0] === 'dualstack' ? rest.slice(1) : rest;
      if (tail.length === 0) return { region: 'us-east-1', service: 's3' };
      if (tail.length === 1 && REGION.test(tail[0] as string)) return { region: tail[0], service: label === 's3-object-lambda' ? 's3-object-lambda' : 's3' };
      return undefined;
    }
    if (label === 's3-external-1' && rest.length === 0) return { region: 'us-east-1', service: 's3' };
    if (label === 's3-accelerate' || label === 's3-accelerate.dualstack') {
      // Accelerate endpoints do not name the bucket's region.
      return rest.every((r) => r === 'dualstack') ? { region: undefined, service: 's3' } : undefined;
    }
    const legacy = /^s3-([a-z]{2}(?:-[a-z]+)+-\d{1,2})$/.exec(label);
    if (legacy && rest.length === 0) return { region: legacy[1], service: 's3' };
  }
  return undefined;
}
