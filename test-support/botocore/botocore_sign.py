"""Sign requests with botocore's SigV4Auth: an independent SigV4 implementation.

Reads a JSON list of requests on stdin and prints, for each, the URL botocore
would send and its headers. `mode` picks the signer: `header` (SigV4Auth),
`presign` (SigV4QueryAuth, signature in the URL) or `s3` (S3SigV4Auth: path not
normalized or encoded again, x-amz-content-sha256 signed). Used by botocore-cross-check.test.ts.
Requires Debian's python3-botocore (run with /usr/bin/python3).
"""
import base64
import datetime
import json
import sys

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


def fixed_clock(iso):
    moment = datetime.datetime.strptime(iso, '%Y%m%dT%H%M%SZ')

    class FixedDatetime(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return moment

    return FixedDatetime


def sign(case):
    botocore.auth.datetime.datetime = fixed_clock(case['amzDate'])
    creds = Credentials(case['accessKeyId'], case['secretAccessKey'], case.get('sessionToken'))
    request = AWSRequest(
        method=case['method'],
        url=case['url'],
        params=[(k, v) for k, v in case['params']],
        headers=dict(case['headers']),
        data=base64.b64decode(case['body']) if case.get('body') is not None else None,
    )
    mode = case.get('mode', 'header')
    if mode == 'presign':
        auth = botocore.auth.SigV4QueryAuth(creds, case['service'], case['region'], expires=case['expires'])
    elif mode == 's3':
        auth = botocore.auth.S3SigV4Auth(creds, case['service'], case['region'])
    else:
        auth = botocore.auth.SigV4Auth(creds, case['service'], case['region'])
    auth.add_auth(request)
    prepared = request.prepare()
    return {
        'url': prepared.url,
        'headers': {k.lower(): v for k, v in prepared.headers.items()},
    }


print(json.dumps([sign(c) for c in json.load(sys.stdin)]))
