// Loads the built packages, or says how to build them.
const NAMES = ['@sigv4/core', '@sigv4/gateway', '@sigv4/fetch', '@sigv4/ky', '@sigv4/axios', 'ky', 'axios'];

/** Imports every package the demo uses; exits with a clear message if one is not built. */
export async function loadPackages() {
  const loaded = {};
  for (const name of NAMES) {
    try {
      loaded[name] = await import(name);
    } catch (error) {
      console.error(`demo: cannot load ${name} (${error.code ?? error.message}).`);
      console.error('Build the packages first: `npm run build` (or run the demo with `npm run demo`, which builds).');
      process.exit(2);
    }
  }
  return {
    core: loaded['@sigv4/core'],
    gateway: loaded['@sigv4/gateway'],
    sigv4Fetch: loaded['@sigv4/fetch'],
    sigv4Ky: loaded['@sigv4/ky'],
    sigv4Axios: loaded['@sigv4/axios'],
    ky: loaded.ky.default,
    axios: loaded.axios.default,
  };
}
