// The seed's two calls (GET ?client=<name>, POST {client:"<name>"}, both with x-api-key),
// made with ky, fetch and axios, each signed by its @sigv4 adapter.

/** Builds one signed client per library, all sharing `target.signer`. */
function createClients({ sigv4Fetch, sigv4Ky, sigv4Axios, ky, axios }, { apiUrl, apiKey, signer }) {
  const headers = { 'x-api-key': apiKey };
  const kyApi = sigv4Ky.withSigV4(ky.create({ headers, throwHttpErrors: false }), { signer });
  const signedFetch = sigv4Fetch.createSignedFetch({ signer });
  const axiosApi = axios.create({ headers, validateStatus: () => true });
  sigv4Axios.attachSigV4(axiosApi, { signer });

  return {
    ky: {
      get: () => answerOf(kyApi.get(apiUrl, { searchParams: { client: 'ky' } })),
      post: () => answerOf(kyApi.post(apiUrl, { json: { client: 'ky' } })),
    },
    fetch: {
      get: () => answerOf(signedFetch(`${apiUrl}?client=fetch`, { headers })),
      post: () =>
        answerOf(
          signedFetch(apiUrl, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify({ client: 'fetch' }),
          }),
        ),
    },
    axios: {
      get: async () => {
        const res = await axiosApi.get(apiUrl, { params: { client: 'axios' } });
        return { status: res.status, data: res.data };
      },
      post: async () => {
        const res = await axiosApi.post(apiUrl, { client: 'axios' });
        return { status: res.status, data: res.data };
      },
    },
  };
}

/** Status and body of a fetch answer, the body parsed when it is JSON. */
export async function answerOf(responsePromise) {
  const response = await responsePromise;
  const text = await response.text();
  let data = text;
  try {
    data = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, data, headers: response.headers };
}

/** Makes the six calls one after the other and returns a row per call. */
export async function callWithEveryClient(packages, target) {
  const clients = createClients(packages, target);
  const rows = [];
  for (const [client, calls] of Object.entries(clients)) {
    for (const method of ['GET', 'POST']) {
      const started = performance.now();
      try {
        const { status, data } = await calls[method.toLowerCase()]();
        const echoed = method === 'GET' ? { params: data?.params } : { body: data?.body };
        rows.push({ client, method, status, echoed, data, ms: performance.now() - started });
      } catch (error) {
        rows.push({ client, method, status: 0, error, ms: performance.now() - started });
      }
    }
  }
  return rows;
}
