// Test page: @sigv4/core's browser build inside a module Web Worker (/worker/entry.js, its own bundle).
import { definePage } from '../../../../scripts/browser/page-kit.js';

definePage(({ signer, request }) => ({
  'signed in a worker': () =>
    new Promise((resolve, reject) => {
      const worker = new Worker('/worker/entry.js', { type: 'module' });
      worker.onmessage = ({ data }) => {
        worker.terminate();
        resolve(data.error ? { error: data.error } : { body: data });
      };
      worker.onerror = (event) => {
        worker.terminate();
        reject(new Error(`worker failed: ${event.message}`));
      };
      worker.postMessage({ signer, request });
    }),
}));
