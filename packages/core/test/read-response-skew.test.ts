import { loadAdapterKit } from '@sigv4/core';
import { describe, expect, it } from 'vitest';

const SKEW_MESSAGE =
  '{"message":"Signature expired: 20261126T080000Z is now earlier than 20261126T081500Z (20261126T082000Z - 5 min.)"}';

/** A body that sends `first`, then `size` more bytes of padding, and never ends. */
function endlessBody(first: string, size: number): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(first));
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
}

describe('readResponseSkew', () => {
  it('reads the server time from a 403 whose body never ends, from its first bytes', async () => {
    const { readResponseSkew } = await loadAdapterKit();
    const response = new Response(endlessBody(SKEW_MESSAGE, 128 * 1024), { status: 403 });
    expect(await readResponseSkew(response)).toBe(Date.UTC(2026, 10, 26, 8, 20, 0));
  });

  it('leaves the response itself unread', async () => {
    const { readResponseSkew } = await loadAdapterKit();
    const response = new Response(SKEW_MESSAGE, { status: 403 });
    await readResponseSkew(response);
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toBe(SKEW_MESSAGE);
  });

  it('reads nothing of an answer that is not 400, 401 or 403', async () => {
    const { readResponseSkew } = await loadAdapterKit();
    const response = new Response(endlessBody(SKEW_MESSAGE, 0), { status: 500 });
    expect(await readResponseSkew(response)).toBeUndefined();
    expect(response.bodyUsed).toBe(false);
  });
});
