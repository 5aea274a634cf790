/**
 * An empty object without a prototype, for maps whose keys come from the
 * request (query names, header names). Keys such as `__proto__`,
 * `constructor` or `valueOf` are then plain own properties: assigning one
 * never touches `Object.prototype`, reading an absent one is `undefined`, and
 * `JSON.stringify` writes every key as it is.
 * @example
 * const params = createDictionary<string>();
 * params['__proto__'] = '2'; // JSON.stringify(params) === '{"__proto__":"2"}'
 * @internal
 */
export function createDictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
