import { createHash } from 'node:crypto';
import { TEST_CREDENTIALS } from '@sigv4/gateway';
import axios from 'axios';
import { describe, expect, it } from 'vitest';
import { startGatewayPerTest } from '../../../test-support/gateway.js';
import { attachSigV4 } from '../src/index.js';

const start = startGatewayPerTest();

/** A Blob that counts how often its bytes are read whole. */
class CountingBlob extends Blob {
  reads = 0;
  override arrayBuffer(): Promise<ArrayBuffer> {
    this.reads++;
    return super.arrayBuffer();
  }
}

describe("@sigv4/axios with the caller's own x-amz-content-sha256", () => {
  it('signs a Blob with the declared hash and sends it unread by the signer (aoss-like gateway accepts it)', async () => {
    const gw = await start({ service: 'aoss', requirePayloadHash: true });
    const api = axios.create({ adapter: 'http', proxy: false });
    attachSigV4(api, { region: gw.region, service: 'aoss', credentials: TEST_CREDENTIALS });
    const text = 'a large upload whose hash the caller knows';
    const blob = new CountingBlob([text], { type: 'text/plain' });
    const hash = createHash('sha256').update(text).digest('hex');

    const res = await api.put(`${gw.url}/upload`, blob, { headers: { 'x-amz-content-sha256': hash } });

    expect(res.status).toBe(200);
    expect(blob.reads).toBe(0);
    const [wire] = gw.requests;
    expect(wire?.headers['x-amz-content-sha256']).toBe(hash);
    expect(wire?.body.toString()).toBe(text);
  });

  it('reads a Blob to hash it when no hash is declared', async () => {
    const gw = await start({ service: 'aoss', requirePayloadHash: true });
    const api = axios.create({ adapter: 'http', proxy: false });
    attachSigV4(api, { region: gw.region, service: 'aoss', credentials: TEST_CREDENTIALS });
    const blob = new CountingBlob(['hash me'], { type: 'text/plain' });

    const res = await api.put(`${gw.url}/upload`, blob);

    expect(res.status).toBe(200);
    expect(blob.reads).toBe(1);
  });
});
