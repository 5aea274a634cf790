// Node side of the browser end-to-end tests: bundle the pages, serve them, drive Chromium.
import { bundleBrowser, findNodeBuiltinImports } from './bundle.mjs';
import { launchChromium } from './chromium.mjs';
import { pageHtml, startStaticServer } from './static-server.mjs';

/**
 * Bundles one test page for the browser (peer clients included: the page must run), and fails
 * when a Node built-in would end up in it.
 */
export async function buildPage(entry) {
  const bundle = await bundleBrowser({ entry, minify: false });
  const builtins = findNodeBuiltinImports(bundle.metafile);
  if (builtins.length > 0) {
    const list = builtins.map((b) => `${b.specifier} (from ${b.importer})`).join(', ');
    throw new Error(`test page ${entry}: Node built-ins in the browser bundle: ${list}`);
  }
  return bundle;
}

const toWire = (c) => ({
  accessKeyId: c.accessKeyId,
  secretAccessKey: c.secretAccessKey,
  ...(c.sessionToken === undefined ? {} : { sessionToken: c.sessionToken }),
  ...(c.expiration === undefined ? {} : { expiration: new Date(c.expiration).toISOString() }),
});

/**
 * Builds `pages` ({ name: entry file }), serves them from 127.0.0.1:0, launches one Chromium and
 * opens one tab that every run() reuses. `assumeRole` (Node) backs the pages' credential provider.
 */
export async function startBrowserSuite({ pages, assumeRole }) {
  const names = Object.keys(pages);
  const [bundles, browser] = await Promise.all([Promise.all(names.map((n) => buildPage(pages[n]))), launchChromium()]);
  const files = {};
  names.forEach((name, i) => {
    files[`/${name}.html`] = { body: pageHtml(`sigv4 ${name}`, `/${name}/entry.js`), type: 'text/html; charset=utf-8' };
    for (const chunk of bundles[i].chunks) {
      files[`/${name}/${chunk.name}`] = { body: chunk.code, type: 'text/javascript; charset=utf-8' };
    }
  });
  let site;
  try {
    site = await startStaticServer(files);
    const context = await browser.newContext();
    await context.exposeFunction('sigv4AssumeRole', async () => {
      if (!assumeRole) throw new Error('this suite has no assumeRole');
      return toWire(await assumeRole());
    });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });

    return {
      siteUrl: site.url,
      bundles: Object.fromEntries(names.map((n, i) => [n, bundles[i]])),
      pageErrors,
      served: site.served,
      async run(name, config) {
        pageErrors.length = 0;
        site.served.length = 0;
        await page.goto(`${site.url}/${name}.html`);
        try {
          await page.waitForFunction(() => typeof window.runSuite === 'function', undefined, { timeout: 10_000 });
        } catch {
          throw new Error(`test page ${name} did not start: ${pageErrors.join('; ') || 'no page error'}`);
        }
        return page.evaluate((c) => window.runSuite(c), config);
      },
      async close() {
        await browser.close();
        await site.close();
      },
    };
  } catch (error) {
    await browser.close();
    await site?.close();
    throw error;
  }
}
