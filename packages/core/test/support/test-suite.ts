import { readdirSync, readFileSync } from 'node:fs';
import { SUITE_DIR, type SuiteContext } from '../../../../test-support/sigv4-suite.js';

export { SUITE_DIR, type SuiteContext };

export interface RawRequest {
  method: string;
  /** Path and query exactly as in the request line. */
  target: string;
  /** Header lines in order; continuation lines joined with "\n". */
  headers: [string, string][];
  body: string | undefined;
}

export interface SuiteCase {
  name: string;
  context: SuiteContext;
  request: RawRequest;
  read(file: string): string;
}

/** Parses an HTTP/1.1 request as written in the suite's `*.txt` files. */
export function parseRawRequest(text: string): RawRequest {
  const blank = text.indexOf('\n\n');
  const head = blank === -1 ? text : text.slice(0, blank);
  const body = blank === -1 ? undefined : text.slice(blank + 2);
  const [requestLine = '', ...lines] = head.split('\n');
  const match = /^(\S+) (.*) HTTP\/1\.1$/.exec(requestLine);
  if (!match) throw new Error(`bad request line: ${requestLine}`);
  const headers: [string, string][] = [];
  for (const line of lines) {
    if (line === '') continue;
    if (/^\s/.test(line) && headers.length > 0) {
      const last = headers[headers.length - 1] as [string, string];
      last[1] = `${last[1]}\n${line}`;
      continue;
    }
    const colon = line.indexOf(':');
    headers.push([line.slice(0, colon), line.slice(colon + 1)]);
  }
  return { method: match[1] as string, target: match[2] as string, headers, body: body === '' ? undefined : body };
}

export function loadSuite(): SuiteCase[] {
  return readdirSync(SUITE_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const read = (file: string): string => readFileSync(`${SUITE_DIR}${name}/${file}`, 'utf8');
      return {
        name,
        context: JSON.parse(read('context.json')) as SuiteContext,
        request: parseRawRequest(read('request.txt')),
        read,
      };
    });
}
