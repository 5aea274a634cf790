import { lazy } from '../utils/lazy.js';
import { KIT } from './kit.js';
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

/** Resolves the signing target of a request by its host name and path. @internal */
export type TargetResolver = (hostname: string, path?: string) => Promise<SigningTarget>;

/**
 * The target of a region and service: the service's rules (see service-rules.ts), which explicit options override.
 * @internal
 */
export const targetFor = (options: ResolvedSignerOptions, region: string, service: string): SigningTarget => {
  const rules = rulesFor(service);
  return {
    region,
    service,
    uriEscapePath: options.uriEscapePath ?? rules.uriEscapePath,
    applyChecksum: options.applyChecksum ?? rules.payloadHashHeader,
    unsignedPresign: rules.unsignedPresign,
  };
};

/** Inference (host names to region and service, and its tables), fetched only by signers that leave one out. */
const loadInference = /* @__PURE__ */ lazy(() => import('./infer-target.js'));

/**
 * Resolves the signing target of a request: with `region` and `service` given, the same for every host;
 * else what each host name says, filled in by the options given (see infer-target.ts).
 * @internal
 */
export function createTargetResolver(options: ResolvedSignerOptions): TargetResolver {
  const { region, service } = options;
  if (region !== undefined && service !== undefined) {
    const target = targetFor(options, region, service);
    return async () => target;
  }
  const inferring = lazy(async () => (await loadInference()).createInferringResolver(KIT, options, targetFor));
  return async (hostname, path) => (await inferring())(hostname, path);
}
