// Runs inside a module Web Worker (no window, no DOM): signs what the page posts, posts the result.
import { createSigner } from '@sigv4/core';

self.onmessage = async ({ data }) => {
  try {
    const signer = createSigner({ ...data.signer, now: () => new Date(data.signer.now) });
    const signed = await signer.sign(data.request);
    self.postMessage({ headers: signed.headers, scope: { window: typeof window, document: typeof document } });
  } catch (error) {
    self.postMessage({ error: { name: error.name, code: error.code, message: error.message } });
  }
};
