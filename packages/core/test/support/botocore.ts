/**
 * One request signed by Debian's python3-botocore, with a fixed clock: S3SigV4QueryAuth (presigned
 * S3 URL), S3SigV4Auth or SigV4Auth. Where botocore is missing, tests using it skip (see `hasBotocore`).
 */
import { spawnSync } from 'node:child_process';

export { hasBotocore } from '../../../../test-support/botocore/random-requests.js';

const SCRIPT = `
import datetime, json, sys
import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
c = json.load(sys.stdin)
moment = datetime.datetime.strptime(c['amzDate'], '%Y%m%dT%H%M%SZ')
class Fixed(datetime.datetime):
    @classmethod
    def utcnow(cls):
        return moment
botocore.auth.datetime.datetime = Fixed
request = AWSRequest(method=c['method'], url=c['url'], headers=c['headers'], data=c['body'].encode() if c['body'] is not None else None)
creds = Credentials(c['accessKeyId'], c['secretAccessKey'])
if c['mode'] == 's3-presign':
    botocore.auth.S3SigV4QueryAuth(creds, c['service'], c['region'], expires=c['expires']).add_auth(request)
elif c['mode'] == 's3':
    botocore.auth.S3SigV4Auth(creds, c['service'], c['region']).add_auth(request)
else:
    botocore.auth.SigV4Auth(creds, c['service'], c['region']).add_auth(request)
prepared = request.prepare()
print(json.dumps({'url': prepared.url, 'headers': {k.lower(): v for k, v in prepared.headers.items()}}))
`;

export interface BotocoreRequest {
  mode: 's3-presign' | 's3' | 'header';
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  region: string;
  service: string;
  expires?: number;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** The signing time, e.g. `new Date('2015-08-30T12:36:00Z')`. */
  date: Date;
}

/** Signs one request with botocore; returns the URL and headers it would send. */
export function botocoreSign(request: BotocoreRequest): { url: string; headers: Record<string, string> } {
  const input = {
    ...request.credentials,
    mode: request.mode,
    method: request.method,
    url: request.url,
    headers: request.headers ?? {},
    body: request.body ?? null,
    region: request.region,
    service: request.service,
    expires: request.expires ?? 900,
    amzDate: request.date.toISOString().replace(/[-:]|\.\d{3}/g, ''),
  };
  const run = spawnSync('/usr/bin/python3', ['-c', SCRIPT], { input: JSON.stringify(input), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`botocore failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { url: string; headers: Record<string, string> };
}
