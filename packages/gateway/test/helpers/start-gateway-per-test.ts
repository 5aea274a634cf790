import { afterEach } from 'vitest';
import { startGateway, type Gateway, type GatewayOptions } from '@sigv4/gateway';

/**
 * Returns a `start(options)` that starts a gateway on port 0 for the current test and closes it
 * after that test, whatever its outcome. Call it at the top of a test file.
 */
export function startGatewayPerTest(): (options?: GatewayOptions) => Promise<Gateway> {
  let gw: Gateway | undefined;
  afterEach(async () => {
    await gw?.close();
    gw = undefined;
  });
  return async (options: GatewayOptions = {}) => {
    gw = await startGateway(options);
    return gw;
  };
}
