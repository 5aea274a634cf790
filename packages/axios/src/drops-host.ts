import type { AxiosHeaders, InternalAxiosRequestConfig } from 'axios';

// Loaded with the first caller's Host header; it imports nothing at run time, so browsers load no shared chunk first.

/** The adapters that send the URL's `Host` whatever the headers say, and the `env` they were found for. */
let hostDroppers: { seeds: unknown[]; adapters: unknown[] } | undefined;

/**
 * Whether the adapter `send` sends the URL's `Host` instead of a caller's (fetch and xhr do; Node's http adapter and
 * a custom function send the caller's); xhr and fetch are looked up again only when the `env` fetch classes change.
 * @param getAdapter - axios' own, which picks an adapter as dispatchRequest does
 * @internal
 */
export function dropsHost(
  getAdapter: (setting: InternalAxiosRequestConfig['adapter'], config: InternalAxiosRequestConfig) => unknown,
  config: InternalAxiosRequestConfig,
  send: unknown,
): boolean {
  const adapter = (name: string) => {
    try {
      return getAdapter(name, config);
    } catch {
      // An adapter this platform lacks (xhr in Node) matches nothing.
      return undefined;
    }
  };
  const env = (config.env ?? {}) as Record<string, unknown>;
  const seeds = [env['fetch'], env['Request'], env['Response'], env['Blob']];
  if (!hostDroppers?.seeds.every((seed, i) => seed === seeds[i])) {
    hostDroppers = { seeds, adapters: [adapter('xhr'), adapter('fetch')] };
  }
  return hostDroppers.adapters.includes(send);
}

/**
 * Removes a caller's Host from the headers and from those to sign when the adapter `send` drops it ({@link dropsHost}).
 * @internal
 */
export function dropHost(
  getAdapter: Parameters<typeof dropsHost>[0],
  config: InternalAxiosRequestConfig,
  send: unknown,
  headers: AxiosHeaders,
  signable: Record<string, unknown>,
): void {
  if (dropsHost(getAdapter, config, send)) {
    headers.delete('host');
    delete signable['host'];
  }
}
