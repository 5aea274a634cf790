import type { Kit } from '../signer/kit.js';
import type { HeadersLike } from '../types.js';

// Loaded for header input other than a plain object of strings; takes what it needs from core as `kit` (see signer/kit.ts).

const isHeaders = (value: unknown): value is Headers => typeof Headers !== 'undefined' && value instanceof Headers;

const isIterable = (value: object): value is Iterable<readonly [string, string]> =>
  typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';

/**
 * {@link normalizeHeaders} for any header input: a `Headers` object is read as it will be sent (its own `, `
 * joining); repeated names (pairs, arrays) are joined with `,` as an HTTP server joins repeated header lines;
 * numbers and booleans become strings.
 * @param kit - what lazy modules take from core (see signer/kit.ts)
 * @internal
 */
export function normalizeAnyHeaders(kit: Kit, input: HeadersLike): Record<string, string> {
  // No prototype: header names such as `constructor` or `__proto__` are plain keys here.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
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
        throw kit.fail('INVALID_OPTIONS', 'headerPairs', []);
      }
      add(pair[0], String(pair[1]));
    }
    return out;
  }
  for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
    if (typeof value === 'string') {
      add(name, value);
    } else if (Array.isArray(value)) {
      for (const item of value) add(name, String(item));
    } else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
      add(name, String(value));
    } else if (value !== undefined && value !== null) {
      throw kit.fail('INVALID_OPTIONS', 'headerValue', [name, value]);
    }
  }
  return out;
}
