import { fail } from '../errors/fail.js';
import { KIT } from '../signer/kit.js';
import type { HeadersLike } from '../types.js';
import { lazy } from '../utils/lazy.js';

/** `Headers`, pairs, arrays and numbers: loaded by the first request whose headers are not all strings. */
const loadAnyHeaders = /* @__PURE__ */ lazy(() => import('./normalize-any-headers.js'));

/**
 * The reader of any header input (`Headers`, pairs, arrays, numbers), loaded on first use.
 * @internal
 */
export async function loadHeaderReader(): Promise<(input: HeadersLike) => Record<string, string>> {
  const { normalizeAnyHeaders } = await loadAnyHeaders();
  return (input) => normalizeAnyHeaders(KIT, input);
}

/**
 * Turns header input into a new plain object with lower-case names and string values, when it is none
 * or a plain object of strings (what the adapters pass); `undefined` for any other input, which
 * {@link loadHeaderReader}'s reader takes. Repeated names are joined with `,` as an HTTP server joins
 * repeated header lines.
 * @internal
 */
export function normalizeHeaders(input: HeadersLike | undefined | null): Record<string, string> | undefined {
  // No prototype: header names such as `constructor` or `__proto__` are plain keys here.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  if (input === undefined || input === null) return out;
  if (typeof input !== 'object') {
    throw fail('INVALID_OPTIONS', 'headersType', [input]);
  }
  if ((typeof Headers !== 'undefined' && input instanceof Headers) || Symbol.iterator in input) return undefined;
  // Entries, not keys then a lookup per key: a lookup in an object of many properties is slow.
  for (const [name, value] of Object.entries(input)) {
    if (typeof value !== 'string') {
      if (value === undefined || value === null) continue;
      return undefined;
    }
    const key = name.toLowerCase();
    const previous = out[key];
    out[key] = previous === undefined ? value : `${previous},${value}`;
  }
  return out;
}
