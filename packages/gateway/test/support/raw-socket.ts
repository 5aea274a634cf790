import { connect } from 'node:net';

/** A parsed HTTP/1.1 answer. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Writes raw request bytes to host:port and reads the answer until the server
 * closes (send `Connection: close`). Nothing between the bytes and the server.
 */
export function sendRaw(url: string, bytes: Buffer): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
      // no prototype, so a `__proto__` answer header is kept like any other
      const headers = Object.create(null) as Record<string, string>;
      for (const line of lines) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: text.slice(end + 4) });
    });
  });
}

/**
 * Turns a test-suite request file (LF lines) into wire bytes: CRLF line ends
 * and a `Connection: close` header (unsigned, so the signature still holds).
 */
export function toWire(fileBytes: Buffer): Buffer {
  const text = fileBytes.toString('latin1');
  const sep = text.indexOf('\n\n');
  const head = sep === -1 ? text.replace(/\n+$/, '') : text.slice(0, sep);
  const body = sep === -1 ? '' : text.slice(sep + 2);
  return Buffer.from(`${head.split('\n').join('\r\n')}\r\nConnection: close\r\n\r\n${body}`, 'latin1');
}
