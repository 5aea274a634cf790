import type { VerifyResult } from '@sigv4/gateway';
import { verifySigned } from '../../../../test-support/verify.js';

/** A request as the fake fetch received it, with its body read. */
export interface CapturedRequest {
  request: Request;
  body: Uint8Array;
}

/**
 * A fetch for ky's `fetch` option that records each request (body read in full) and answers
 * with the next of `statuses` (the last one repeats), JSON `{"ok":true}`.
 */
export function captureFetch(statuses: readonly number[] = [200]) {
  const calls: CapturedRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const body = new Uint8Array(await request.arrayBuffer());
    calls.push({ request, body });
    const status = statuses[Math.min(calls.length - 1, statuses.length - 1)] ?? 200;
    return new Response(status === 204 ? null : JSON.stringify({ ok: status < 400 }), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { calls, fetch };
}

/**
 * Checks a captured request with the gateway's verifier, an implementation written apart from
 * the signer: the bytes are those fetch sends, plus the `host` header fetch derives from the URL.
 */
export function verifyCaptured(
  captured: CapturedRequest,
  options: {
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
    now: Date;
    allowUnsignedPayload?: boolean;
  },
): VerifyResult {
  const { request, body } = captured;
  return verifySigned({ method: request.method, url: request.url, headers: request.headers, body }, options);
}
