import { inferEndpoint } from '../infer/infer-endpoint.js';
import type { Kit } from './kit.js';
import type { ResolvedSignerOptions } from './normalize-options.js';
import type { SigningTarget, targetFor } from './resolve-target.js';

/** How many hosts' targets, and how many distinct targets (and so smithy signers), an inferring signer keeps. @internal */
export const MAX_CACHED_HOSTS = 64;

/**
 * The target resolver of a signer that leaves `region` or `service` out: what the host name says, the
 * options given first; cached per host. Loaded on first use; takes what it needs from core as `kit`
 * and `target` (see kit.ts).
 * @internal
 */
export function createInferringResolver(
  kit: Kit,
  options: ResolvedSignerOptions,
  target: typeof targetFor,
): (hostname: string, path?: string) => SigningTarget {
  const cache = new Map<string, SigningTarget>();
  // Hosts of one region and service (S3's bucket hosts) share a target, so they share its smithy signer and keys.
  const targets = new Map<string, SigningTarget>();
  return (hostname, path = '/') => {
    // IoT's MQTT-over-WebSocket path signs for another service than the rest of its host.
    const key = path === '/mqtt' ? `${hostname}/mqtt` : hostname;
    let resolved = cache.get(key);
    if (!resolved) {
      const inferred = inferEndpoint(hostname, path);
      const region = options.region ?? inferred.region;
      const service = options.service ?? inferred.service;
      if (region === undefined) throw kit.fail('REGION_UNRESOLVED', 'noRegion', [hostname, service]);
      if (service === undefined) throw kit.fail('SERVICE_UNRESOLVED', 'noService', [hostname]);
      // The rules of a target follow from its service and the signer's options: region and service name it.
      const named = `${region} ${service}`;
      resolved = targets.get(named);
      if (!resolved) {
        if (targets.size >= MAX_CACHED_HOSTS) targets.clear();
        resolved = target(options, region, service);
        targets.set(named, resolved);
      }
      if (cache.size >= MAX_CACHED_HOSTS) cache.clear();
      cache.set(key, resolved);
    }
    return resolved;
  };
}
