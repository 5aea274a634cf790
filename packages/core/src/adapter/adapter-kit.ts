// Loaded on first use by load-adapter-kit.ts; the browser build gives it its own copy of
// read-clock-skew.ts (build/own-copy.mjs), so apps that never export readClockSkew do not load it up front.
export { presignFetchRequest } from '../request/presign-fetch.js';
export { readClockSkew } from '../signer/read-clock-skew.js';
