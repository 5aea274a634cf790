import { HOST } from '../../../test-support/fixtures.js';
import { expectedAuthorization as expectedBy } from '../../../test-support/verify.js';

export {
  AMZ_DATE,
  EXAMPLE_CREDENTIALS as CREDENTIALS,
  FIXED_DATE,
  HOST,
  REGION,
  SERVICE,
} from '../../../test-support/fixtures.js';

/**
 * The Authorization header AWS expects, as the gateway's independent verifier computes it for the
 * fixed clock. `host` and `x-amz-date` are always signed; `headers` adds the others (lower-case names).
 */
export function expectedAuthorization({
  method = 'GET',
  path = '/dev',
  query = '',
  headers = {},
  payload = '',
}: {
  method?: string;
  path?: string;
  query?: string;
  headers?: Record<string, string>;
  payload?: string | Uint8Array;
} = {}): string {
  return expectedBy({ method, url: `https://${HOST}${path}${query ? `?${query}` : ''}`, headers, body: payload });
}

/** A fetch double that records the Request it was given and answers 200 `{}`. */
export function recordingFetch() {
  const sent: Request[] = [];
  const thisValues: unknown[] = [];
  const fetch = async function (this: unknown, request: Request): Promise<Response> {
    thisValues.push(this);
    sent.push(request);
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, sent, thisValues };
}

/** A ReadableStream of the given chunks. */
export function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}
