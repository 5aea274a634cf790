import { startBrowserSuite } from './e2e.mjs';
import { startGateway, TEST_CREDENTIALS } from '../../packages/gateway/dist/index.js';
const gw = await startGateway();
const s = await startBrowserSuite({ pages: { axios: '/work/main/packages/axios/test/browser/page.js' }, assumeRole: async () => TEST_CREDENTIALS });
const r = await s.run('axios', { gatewayUrl: gw.url, region: gw.region, service: gw.service });
console.log(r['xhr: POST URLSearchParams'].body.message);
for (const q of gw.requests.filter(q => q.target.includes('kind=form'))) console.log(q.method, q.status, JSON.stringify(q.headers, null, 1), q.body.toString());
await s.close(); await gw.close();
