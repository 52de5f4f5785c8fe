/** The dashboard: server-rendered pages (the fleet, a product, a CVE) that work without JavaScript. */
import { type Context, Hono } from 'hono';
import { assessFleetSummary } from '../analysis/fleet/assess-fleet-summary.js';
import { runFleetCve } from '../app/fleet/run-fleet-cve.js';
import { runFleetList } from '../app/fleet/run-fleet-list.js';
import { runFleetShow } from '../app/fleet/run-fleet-show.js';
import { dayOfInstant } from '../domain/day.js';
import { EARLIER_GATES_IN_PLAN } from '../domain/fleet-gate.js';
import { SORT_SCRIPT } from '../formats/dashboard/dashboard-layout.js';
import { renderCvePage } from '../formats/dashboard/render-cve-page.js';
import { renderFleetPage } from '../formats/dashboard/render-fleet-page.js';
import { renderProductPage } from '../formats/dashboard/render-product-page.js';
import { cveIdParam, productName } from './api-schemas.js';
import { HttpProblem } from './http-errors.js';
import { type Rendered, revisionCache, type ServerContext, sendRendered } from './server-context.js';

/** Findings listed on a product page unless `?show=all`. */
const FINDINGS_SHOWN = 200;

export function dashboardRoutes(ctx: ServerContext): Hono {
  const pages = new Hono();
  const cached = revisionCache(ctx.store);
  const { store } = ctx;
  const today = () => dayOfInstant(ctx.clock());
  const page = (c: Context, body: Rendered) => sendRendered(c, body, 'text/html; charset=utf-8');

  pages.get('/', async (c) =>
    page(
      c,
      await cached('/', async () => {
        const rows = await runFleetList({ store, asOf: today() });
        return renderFleetPage(rows, assessFleetSummary(rows));
      }),
    ),
  );
  pages.get('/products/:name', async (c) => {
    const r = productName.safeParse(c.req.param('name'));
    if (!r.success) throw new HttpProblem(404, 'no such product');
    const all = c.req.query('show') === 'all';
    return page(
      c,
      await cached(`/products/${r.data}?${all}`, async () => {
        const detail = await runFleetShow({ store, name: r.data, asOf: today() });
        const history = await store.scanHistory(detail.product.id);
        const gates = await store.gates(detail.product.id, EARLIER_GATES_IN_PLAN);
        return renderProductPage(detail, history, all ? null : FINDINGS_SHOWN, gates);
      }),
    );
  });
  pages.get('/cves/:id', async (c) => {
    const r = cveIdParam.safeParse(c.req.param('id'));
    if (!r.success) throw new HttpProblem(404, 'not a CVE id');
    return page(
      c,
      await cached(`/cves/${r.data}`, async () => renderCvePage(await runFleetCve({ store, cveId: r.data }))),
    );
  });
  pages.get(
    '/assets/sort.js',
    () =>
      new Response(SORT_SCRIPT, {
        headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' },
      }),
  );
  return pages;
}
