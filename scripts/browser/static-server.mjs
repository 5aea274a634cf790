// A loopback static server for the browser test pages.
import { createServer } from 'node:http';

/**
 * Serves `files` (path -> { body, type }) on 127.0.0.1 and a random port. Pages loaded from here
 * are another origin than the gateway (same IP, other port), so every signed call is cross-origin
 * and preflighted. 127.0.0.1 is a secure context, so `crypto.subtle` exists there.
 */
export async function startStaticServer(files) {
  const served = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    served.push(path);
    const file = files[path];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** A minimal HTML page that runs one ES module. */
export function pageHtml(title, script) {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,"></head>` +
    `<body><script type="module" src="${script}"></script></body></html>`
  );
}
