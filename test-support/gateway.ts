import { type Gateway, type GatewayOptions, startGateway } from '@sigv4/gateway';
import { afterEach } from 'vitest';

/**
 * Returns a `start(options)` that starts a gateway on port 0 for the current test and closes it
 * after that test, whatever its outcome. Call it at the top of a test file or `describe`.
 * @example
 * const start = startGatewayPerTest();
 * it('is accepted', async () => { const gw = await start({ apiKeys: [TEST_API_KEY] }); ... });
 */
export function startGatewayPerTest(): (options?: GatewayOptions) => Promise<Gateway> {
  const started: Gateway[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((gw) => gw.close()));
  });
  return async (options: GatewayOptions = {}) => {
    const gw = await startGateway(options);
    started.push(gw);
    return gw;
  };
}
