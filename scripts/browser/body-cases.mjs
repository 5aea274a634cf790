// Shared by the test pages (browser) and the tests (Node): the browser-only body cases.

/**
 * Bodies only a browser has in this form; what is signed must be the bytes the browser sends.
 * `kind` goes into the query (`/bodies?kind=<kind>`) so the tests can find each request.
 */
export const BODY_CASES = [
  { name: 'POST Blob', method: 'POST', kind: 'blob' },
  { name: 'POST URLSearchParams', method: 'POST', kind: 'form' },
  { name: 'POST FormData', method: 'POST', kind: 'multipart' },
  { name: 'PUT Uint8Array', method: 'PUT', kind: 'bytes' },
  { name: 'PUT ArrayBuffer', method: 'PUT', kind: 'buffer' },
];
