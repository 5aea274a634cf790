import { fail } from '../errors/fail.js';
import type { HeadersLike } from '../types.js';

const isHeaders = (value: unknown): value is Headers => typeof Headers !== 'undefined' && value instanceof Headers;

const isIterable = (value: object): value is Iterable<readonly [string, string]> =>
  typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';

/** The dictionary this function made last: already normalized, and not the caller's (read right after, by the signer). */
let lastMade: object | undefined;

/**
 * Turns any header input into a plain object with lower-case names and string values.
 * Repeated names (pairs, arrays) are joined with `,` as an HTTP server joins repeated header lines;
 * a `Headers` object is read as it will be sent (its own `, ` joining).
 * @internal
 */
export function normalizeHeaders(input: HeadersLike | undefined | null): Record<string, string> {
  // No prototype: header names such as `constructor` or `__proto__` are plain keys here.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  lastMade = out;
  if (input === undefined || input === null) return out;
  if (typeof input !== 'object') {
    throw fail('INVALID_OPTIONS', 'headersType', [input]);
  }
  const add = (name: string, value: string): void => {
    const key = name.toLowerCase();
    const previous = out[key];
    out[key] = previous === undefined ? value : `${previous},${value}`;
  };
  if (isHeaders(input)) {
    input.forEach((value, name) => {
      out[name.toLowerCase()] = value;
    });
    return out;
  }
  if (isIterable(input)) {
    for (const pair of input) {
      if (!Array.isArray(pair) || typeof pair[0] !== 'string') {
        throw fail('INVALID_OPTIONS', 'headerPairs', []);
      }
      add(pair[0], String(pair[1]));
    }
    return out;
  }
  // Entries, not keys then a lookup per key: a lookup in an object of many properties is slow.
  for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
    if (typeof value === 'string') {
      add(name, value);
    } else if (Array.isArray(value)) {
      for (const item of value) add(name, String(item));
    } else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
      add(name, String(value));
    } else if (value !== undefined && value !== null) {
      throw fail('INVALID_OPTIONS', 'headerValue', [name, value]);
    }
  }
  return out;
}

/**
 * {@link normalizeHeaders} for the signer, which reads the request (a first normalization) and then
 * prepares it: the dictionary made last is taken as it is, once, instead of a second copy; and the
 * result is never remembered, since the signer hands it out.
 * @internal
 */
export function takeHeaders(input: HeadersLike | undefined | null): Record<string, string> {
  const headers =
    input === lastMade && input !== undefined ? (input as Record<string, string>) : normalizeHeaders(input);
  lastMade = undefined;
  return headers;
}
