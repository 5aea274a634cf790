import { fail } from '../errors/fail.js';
import type { InferredEndpoint } from '../infer/infer-endpoint.js';
import { lazy } from '../utils/lazy.js';
import type { ResolvedSignerOptions } from './normalize-options.js';
import { rulesFor } from './service-rules.js';

/** Region, service and path/checksum rules for one host. @internal */
export interface SigningTarget {
  readonly region: string;
  readonly service: string;
  readonly uriEscapePath: boolean;
  readonly applyChecksum: boolean;
  /** Presigned URLs sign `UNSIGNED-PAYLOAD` (S3's rule). */
  readonly unsignedPresign: boolean;
}

const MAX_CACHED_HOSTS = 64;

const NOTHING_INFERRED: InferredEndpoint = { region: undefined, service: undefined };

/** The inference module and its tables, fetched only by signers that leave region or service out. */
const loadInference = /* @__PURE__ */ lazy(() => import('../infer/infer-endpoint.js'));

/**
 * Resolves (and caches per host) the signing target of a request: explicit options first, then what the
 * host name says; then the service's rules (see service-rules.ts), which explicit options override.
 * @internal
 */
export function createTargetResolver(
  options: ResolvedSignerOptions,
): (hostname: string, path?: string) => Promise<SigningTarget> {
  const cache = new Map<string, SigningTarget>();
  const explicit = options.region !== undefined && options.service !== undefined;
  return async (hostname, path = '/') => {
    // IoT's MQTT-over-WebSocket path signs for another service than the rest of its host.
    const key = !explicit && path === '/mqtt' ? `${hostname}/mqtt` : hostname;
    const hit = cache.get(key);
    if (hit) return hit;
    let inferred = NOTHING_INFERRED;
    if (!explicit) {
      inferred = (await loadInference()).inferEndpoint(hostname, path);
    }
    const region = options.region ?? inferred.region;
    const service = options.service ?? inferred.service;
    if (region === undefined) {
      throw fail('REGION_UNRESOLVED', 'noRegion', [hostname, service]);
    }
    if (service === undefined) {
      throw fail('SERVICE_UNRESOLVED', 'noService', [hostname]);
    }
    const rules = rulesFor(service);
    const target: SigningTarget = {
      region,
      service,
      uriEscapePath: options.uriEscapePath ?? rules.uriEscapePath,
      applyChecksum: options.applyChecksum ?? rules.payloadHashHeader,
      unsignedPresign: rules.unsignedPresign,
    };
    if (cache.size >= MAX_CACHED_HOSTS) cache.clear();
    cache.set(key, target);
    return target;
  };
}
