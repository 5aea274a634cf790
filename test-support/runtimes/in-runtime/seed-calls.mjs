// The seed's calls, runnable in any runtime (no Node API): GET ?client=<name> and
// POST {"client":"<name>"} with x-api-key, through each adapter's public API, one signer shared.

/** The JSON body of a fetch Response, or its text when it is not JSON. */
async function readBody(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A thrown value as plain data: name, SigV4Error code and message (never credentials). */
export function toErrorData(error) {
  if (error instanceof Error) {
    const { code } = /** @type {{ code?: unknown }} */ (error);
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: typeof error, message: String(error) };
}

/** One `{ get, post }` pair per client found in `libs` (`sigv4Fetch`, `sigv4Ky` + `ky`, `sigv4Axios` + `axios`). */
function createClients(libs, { apiUrl, apiKey, signer }) {
  const headers = { 'x-api-key': apiKey };
  const clients = {};
  if (libs.sigv4Fetch) {
    const signedFetch = libs.sigv4Fetch.createSignedFetch({ signer });
    clients.fetch = {
      get: async () => fromResponse(await signedFetch(`${apiUrl}?client=fetch`, { headers })),
      post: async () =>
        fromResponse(
          await signedFetch(apiUrl, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify({ client: 'fetch' }),
          }),
        ),
    };
  }
  if (libs.sigv4Ky && libs.ky) {
    const api = libs.sigv4Ky.withSigV4(libs.ky.create({ headers, throwHttpErrors: false, retry: 0 }), { signer });
    clients.ky = {
      get: async () => fromResponse(await api.get(apiUrl, { searchParams: { client: 'ky' } })),
      post: async () => fromResponse(await api.post(apiUrl, { json: { client: 'ky' } })),
    };
  }
  if (libs.sigv4Axios && libs.axios) {
    const api = libs.axios.create({ headers, validateStatus: () => true, ...(libs.axiosConfig ?? {}) });
    libs.sigv4Axios.attachSigV4(api, { signer });
    clients.axios = {
      get: async () => {
        const res = await api.get(apiUrl, { params: { client: 'axios' } });
        return { status: res.status, body: res.data };
      },
      post: async () => {
        const res = await api.post(apiUrl, { client: 'axios' });
        return { status: res.status, body: res.data };
      },
    };
  }
  return clients;
}

async function fromResponse(response) {
  return { status: response.status, body: await readBody(response) };
}

/**
 * Makes the seed's two calls with every client in `libs`, one after the other. Each row says what
 * the gateway echoed: the query for GET, the JSON body for POST.
 */
export async function runSeedCalls(libs, target) {
  const rows = [];
  for (const [client, calls] of Object.entries(createClients(libs, target))) {
    for (const method of ['GET', 'POST']) {
      try {
        const { status, body } = await calls[method.toLowerCase()]();
        const echoed = method === 'GET' ? body?.params : body?.body;
        rows.push({ client, method, status, echoed, ...(status === 200 ? {} : { answer: body }) });
      } catch (error) {
        rows.push({ client, method, status: 0, error: toErrorData(error) });
      }
    }
  }
  return rows;
}
