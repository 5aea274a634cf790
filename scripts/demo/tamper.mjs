// One request signed properly, then altered on the way: the gateway must refuse it (403)
// and say which canonical request it expected.
import { answerOf } from './clients.mjs';

const SIGNED_BODY = JSON.stringify({ client: 'fetch', amount: 10 });
const SENT_BODY = JSON.stringify({ client: 'fetch', amount: 1000 });

/** Signs a POST with one body, sends another, and returns the gateway's answer. */
export async function sendTamperedRequest({ apiUrl, apiKey, signer }) {
  const request = {
    method: 'POST',
    url: apiUrl,
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: SIGNED_BODY,
  };
  const signed = await signer.sign(request);
  // Our side of the story: the last line of the canonical request we signed is the payload hash.
  const ours = await signer.explain(request);
  const response = fetch(signed.url, { method: signed.method, headers: signed.headers, body: SENT_BODY });
  const { status, data, headers } = await answerOf(response);
  return {
    signedBody: SIGNED_BODY,
    signedPayloadHash: ours.canonicalRequest.split('\n').at(-1),
    sentBody: SENT_BODY,
    status,
    errorType: headers.get('x-amzn-errortype'),
    message: data?.message ?? data,
  };
}
