/**
 * Region and signing name of an endpoint, read from its host name (and, for IoT, its path).
 * Loaded only when `region` or `service` is left out (see infer-target.ts).
 * @internal
 */
import { GLOBAL_HOSTS, REGION_FIRST, SIGNING_NAMES } from './signing-names.js';

/** What a host says about how to sign for it; either part may be unknown. @internal */
export interface InferredEndpoint {
  readonly region: string | undefined;
  readonly service: string | undefined;
}

/** `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`, `us-iso-east-1` … */
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/** Data-plane host labels that AWS's service models do not list. */
const DATA_PLANE_NAMES: Readonly<Record<string, string>> = {
  'lambda-url': 'lambda',
  'appsync-api': 'appsync',
  'appsync-realtime-api': 'appsync',
  'jobs.iot': 'iot-jobs-data',
};

/** Services whose own domains put the region before the service: `{domain}.{region}.es`. */
const DOMAIN_SERVICES = new Set(['es', 'aoss', 'cloudsearch']);

const AWS_SUFFIXES = ['.amazonaws.com.cn', '.amazonaws.com', '.api.aws', '.on.aws'] as const;

const UNKNOWN: InferredEndpoint = Object.freeze({ region: undefined, service: undefined });

const own = (table: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/** A known label's signing name ('' in the data: AWS names several, so none is given). */
const nameOf = (key: string): string | undefined => {
  const name = own(DATA_PLANE_NAMES, key) ?? own(SIGNING_NAMES, key);
  return name === '' ? undefined : name;
};

/**
 * Infers region and service from a host name. Unknown hosts (custom domains) give neither; a known
 * host whose service AWS's data leaves open gives the region only.
 *
 * Covered: `{service}.{region}.amazonaws.com` (signing names from AWS's service models, e.g.
 * `appstream2` = `appstream`), `.api.aws` and `.amazonaws.com.cn` forms, global endpoints (`iam`, `sts`,
 * `ec2.amazonaws.com` = us-east-1, `iam.us-gov.amazonaws.com` = us-gov-west-1), `{region}.queue.amazonaws.com`,
 * `*.execute-api`, `*.lambda-url.{region}.on.aws`, `*.appsync-api`, `{domain}.{region}.es|aoss|cloudsearch`,
 * S3 (virtual-hosted and path style, `s3-{region}`, `s3-fips-{region}`, dualstack, accelerate, access points),
 * IoT data (`{id}[-ats].iot.{region}` = `iotdata`, its `/mqtt` path = `iotdevicegateway`), interface VPC
 * endpoints (`….{service}.{region}.vpce.amazonaws.com`), Cloudflare R2 (`s3`, region `auto`) and Backblaze B2.
 * @internal
 */
export function inferEndpoint(host: string, path = '/'): InferredEndpoint {
  const hostname = host.toLowerCase().replace(/\.$/, '');
  // S3-compatible storage of other clouds.
  if (hostname.endsWith('.r2.cloudflarestorage.com')) return { region: 'auto', service: 's3' };
  const b2 = /^(?:[^.]+\.)?s3\.([a-z0-9-]+)\.backblazeb2\.com$/.exec(hostname);
  if (b2) return { region: b2[1], service: 's3' };

  const global = own(GLOBAL_HOSTS, hostname);
  if (global !== undefined) {
    const [region, service] = global.split(' ');
    return { region, service };
  }
  const suffix = AWS_SUFFIXES.find((s) => hostname.endsWith(s));
  if (!suffix) return UNKNOWN;
  const labels = hostname.slice(0, -suffix.length).split('.');
  if (labels.some((label) => label === '')) return UNKNOWN;
  // Interface VPC endpoints: the same host with ".vpce" before the suffix.
  if (labels.length >= 3 && labels[labels.length - 1] === 'vpce' && suffix.startsWith('.amazonaws.')) labels.pop();

  const last = labels[labels.length - 1] as string;
  const beforeLast = labels[labels.length - 2];
  if (DOMAIN_SERVICES.has(last) && beforeLast !== undefined && REGION.test(beforeLast))
    return { region: beforeLast, service: last };
  const regionFirst = own(REGION_FIRST, last);
  if (regionFirst !== undefined && labels.length === 2 && REGION.test(labels[0] as string)) {
    return { region: labels[0], service: nameOf(regionFirst) ?? regionFirst };
  }

  const s3 = inferS3(labels);
  if (s3) return s3;

  // {…}.{prefix}.{region}.{suffix}: the labels before the region name the service.
  if (!REGION.test(last)) return UNKNOWN;
  const prefix = labels.slice(0, -1);
  if (prefix.length >= 2 && prefix[prefix.length - 1] === 'dualstack') prefix.pop();
  const service = prefix.length === 0 ? undefined : signingName(prefix);
  return { region: last, service: service === 'iotdata' && path === '/mqtt' ? 'iotdevicegateway' : service };
}

/** The signing name of the labels before the region: the longest known suffix, else the last label. */
function signingName(prefix: readonly string[]): string | undefined {
  for (let n = Math.min(3, prefix.length); n >= 2; n--) {
    const key = prefix.slice(-n).join('.');
    if (Object.hasOwn(SIGNING_NAMES, key) || Object.hasOwn(DATA_PLANE_NAMES, key)) return nameOf(key);
  }
  const label = (prefix[prefix.length - 1] as string).replace(/-fips$/, '');
  // {id}-ats.iot / {id}.iot (iot:Data-ATS, iot:Data): the data plane; iot.{region} is the control plane.
  if (label === 'iot' && prefix.length >= 2) return 'iotdata';
  if (Object.hasOwn(SIGNING_NAMES, label) || Object.hasOwn(DATA_PLANE_NAMES, label)) return nameOf(label);
  return label;
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
      if (tail.length === 1 && REGION.test(tail[0] as string))
        return { region: tail[0], service: label === 's3-object-lambda' ? 's3-object-lambda' : 's3' };
      return undefined;
    }
    if (label === 's3-external-1' && rest.length === 0) return { region: 'us-east-1', service: 's3' };
    if (label === 's3-accelerate' || label === 's3-accelerate.dualstack') {
      // Accelerate endpoints do not name the bucket's region.
      return rest.every((r) => r === 'dualstack') ? { region: undefined, service: 's3' } : undefined;
    }
    const legacy = /^s3-(?:fips-)?([a-z]{2}(?:-[a-z]+)+-\d{1,2})$/.exec(label);
    if (legacy && rest.length === 0) return { region: legacy[1], service: 's3' };
  }
  return undefined;
}
