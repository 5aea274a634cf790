import type { InternalAxiosRequestConfig } from 'axios';

// Loaded on the first request with a Host header of the caller's; it imports nothing at run time, or browsers would
// load the shared chunk up front.

/** The adapters that send the URL's `Host` whatever the headers say, and the `env` they were found for. */
let hostDroppers: { seeds: unknown[]; adapters: unknown[] } | undefined;

/**
 * Whether the adapter `send` sends the URL's `Host` instead of a caller's: the fetch adapter (undici, browsers) does,
 * xhr drops it (forbidden header). Node's http adapter sends the caller's (private API Gateway via a VPC endpoint) and
 * a custom adapter function is trusted to. The xhr and fetch adapters depend only on the `env` fetch classes: looked
 * up again only when those change.
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
