import { trimOws } from './canonical-headers.js';

/**
 * A request as it arrived: byte strings (one char per octet) for everything
 * on the request line and in the headers, so nothing is re-encoded.
 * @public
 */
export interface RawHttpRequest {
  /** Method as sent, e.g. `GET`. */
  method: string;
  /** Request-target exactly as on the request line: path plus `?query`. */
  target: string;
  /** `[name, value]` pairs in wire order, names in their original case. */
  rawHeaders: Array<[string, string]>;
  /** Body bytes as received (after chunked decoding). */
  body: Uint8Array;
}

/**
 * Parses an HTTP/1.1 request in the text form of AWS's SigV4 test suite:
 * `METHOD target HTTP/1.1`, `Name:value` lines (LF or CRLF; a line starting
 * with whitespace continues the previous header), a blank line, the body.
 * The target may contain raw spaces: the method ends at the first space and
 * the version starts at the last one.
 * @example
 * parseRawRequest('GET /?a=b HTTP/1.1\nHost:example.amazonaws.com\n\n').target // '/?a=b'
 * @public
 */
export function parseRawRequest(raw: string | Uint8Array): RawHttpRequest {
  const text =
    typeof raw === 'string' ? Buffer.from(raw, 'utf8').toString('latin1') : Buffer.from(raw).toString('latin1');
  const headEnd = findHeadEnd(text);
  const head = headEnd === -1 ? text : text.slice(0, headEnd.index);
  const bodyText = headEnd === -1 ? '' : text.slice(headEnd.index + headEnd.length);
  const lines = head.split(/\r?\n/);
  const requestLine = lines.shift() ?? '';
  const firstSpace = requestLine.indexOf(' ');
  const lastSpace = requestLine.lastIndexOf(' ');
  const hasVersion = lastSpace > firstSpace && /^HTTP\/\d/.test(requestLine.slice(lastSpace + 1));
  const method = firstSpace === -1 ? requestLine : requestLine.slice(0, firstSpace);
  const target = firstSpace === -1 ? '/' : requestLine.slice(firstSpace + 1, hasVersion ? lastSpace : undefined);
  const rawHeaders: Array<[string, string]> = [];
  for (const line of lines) {
    if (line === '') continue;
    const previous = rawHeaders[rawHeaders.length - 1];
    if ((line.startsWith(' ') || line.startsWith('\t')) && previous) {
      previous[1] = `${previous[1]} ${trimOws(line)}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    rawHeaders.push([line.slice(0, colon), trimOws(line.slice(colon + 1))]);
  }
  return { method, target, rawHeaders, body: Buffer.from(bodyText, 'latin1') };
}

function findHeadEnd(text: string): -1 | { index: number; length: number } {
  const match = /\r?\n\r?\n/.exec(text);
  return match ? { index: match.index, length: match[0].length } : -1;
}

/** Splits a request-target into its raw path and raw query ('' when there is none). @internal */
export function splitTarget(target: string): { path: string; query: string } {
  let rest = target;
  // absolute-form (`GET http://host/path HTTP/1.1`): keep only path and query
  const absolute = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*/.exec(rest);
  if (absolute) rest = rest.slice(absolute[0].length) || '/';
  const hash = rest.indexOf('#');
  if (hash !== -1) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  return q === -1 ? { path: rest, query: '' } : { path: rest.slice(0, q), query: rest.slice(q + 1) };
}
