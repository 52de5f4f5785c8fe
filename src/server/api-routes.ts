/**
 * The REST API under /api/v1: routes as thin as the CLI's commands. Each parses its input with zod, calls the
 * same app/ use-case, and answers with the same JSON document `kgap fleet … --format json` prints.
 */
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { assessFleetSummary } from '../analysis/fleet/assess-fleet-summary.js';
import { runFleetAdd, runFleetRemove } from '../app/fleet/run-fleet-add.js';
import { runFleetCve } from '../app/fleet/run-fleet-cve.js';
import { runFleetGate, runFleetGates } from '../app/fleet/run-fleet-gate.js';
import { runFleetList } from '../app/fleet/run-fleet-list.js';
import { runFleetPlan } from '../app/fleet/run-fleet-plan.js';
import { runFleetScan } from '../app/fleet/run-fleet-scan.js';
import { runFleetHistory, runFleetPlanShow, runFleetShow } from '../app/fleet/run-fleet-show.js';
import { dayOfInstant } from '../domain/day.js';
import { findingJson, scanJson } from '../formats/fleet/fleet-cells.js';
import { fleetFormats } from '../formats/fleet/index.js';
import { FLEET_JSON_SCHEMA_VERSION } from '../formats/fleet/tabular-report.js';
import { gateFormats } from '../formats/gate/index.js';
import { limitOf } from '../sources/io/input-limits.js';
import {
  addProductBody,
  cveIdParam,
  gateBody,
  limitQuery,
  planBody,
  productName,
  scanBody,
  scanIdParam,
  zodProblem,
} from './api-schemas.js';
import { HttpProblem } from './http-errors.js';
import { openApiDocument } from './openapi.js';
import { requireToken } from './require-token.js';
import { revisionCache, type ServerContext, sendRendered } from './server-context.js';

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new HttpProblem(400, zodProblem(r.error));
  return r.data;
}

async function body(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new HttpProblem(400, 'the body must be JSON (content-type: application/json)');
  }
}

const json = (c: Context, text: string, status: 200 | 201 | 202 = 200) =>
  c.body(text, status, { 'content-type': 'application/json; charset=utf-8' });

/** The /api/v1 routes. */
export function apiRoutes(ctx: ServerContext): Hono {
  const api = new Hono();
  const cached = revisionCache(ctx.store);
  const { store } = ctx;
  const today = () => dayOfInstant(ctx.clock());
  const write = requireToken(ctx.token);
  const spec = `${JSON.stringify(openApiDocument(), null, 2)}\n`;
  const maxBody = limitOf('uploadBytes');
  // After the token check, so that nobody without it can make the server hold a body.
  const limited = bodyLimit({
    maxSize: maxBody,
    onError: () => {
      throw new HttpProblem(
        413,
        `the body is larger than ${maxBody} bytes (KGAP_MAX_UPLOAD_BYTES on the server); send less or raise the limit`,
      );
    },
  });

  api.get('/openapi.json', (c) => json(c, spec));
  const JSON_TYPE = 'application/json; charset=utf-8';
  api.get('/products', async (c) =>
    sendRendered(
      c,
      await cached('products', async () => fleetFormats.list.json(await runFleetList({ store, asOf: today() }))),
      JSON_TYPE,
    ),
  );
  api.get('/summary', async (c) =>
    sendRendered(
      c,
      await cached('summary', async () => {
        const summary = assessFleetSummary(await runFleetList({ store, asOf: today() }));
        return `${JSON.stringify({ schemaVersion: FLEET_JSON_SCHEMA_VERSION, ...summary }, null, 2)}\n`;
      }),
      JSON_TYPE,
    ),
  );
  api.get('/products/:name', async (c) => {
    const name = parse(productName, c.req.param('name'));
    const limit = parse(limitQuery, c.req.query('limit')) ?? null;
    const detail = await runFleetShow({ store, name, asOf: today() });
    return json(c, fleetFormats.show.json({ detail, limit }));
  });
  api.get('/products/:name/scans', async (c) => {
    const name = parse(productName, c.req.param('name'));
    return json(c, fleetFormats.history.json(await runFleetHistory({ store, name })));
  });
  api.get('/products/:name/plan', async (c) => {
    const name = parse(productName, c.req.param('name'));
    return json(c, fleetFormats.storedPlan.json(await runFleetPlanShow({ store, name })));
  });
  api.get('/products/:name/gates', async (c) => {
    const name = parse(productName, c.req.param('name'));
    return json(c, fleetFormats.gates.json(await runFleetGates({ store, name })));
  });
  api.get('/scans/:id', async (c) => {
    const id = parse(scanIdParam, c.req.param('id'));
    const scan = await store.findScan(id);
    if (scan === null) throw new HttpProblem(404, `scan ${id} does not exist`);
    const findings = await store.scanFindings(id);
    const doc = {
      schemaVersion: FLEET_JSON_SCHEMA_VERSION,
      productId: scan.productId,
      scan: scanJson(scan),
      findings: findings.map(findingJson),
    };
    return json(c, `${JSON.stringify(doc, null, 2)}\n`);
  });
  api.get('/cves/:id', async (c) => {
    const cveId = parse(cveIdParam, c.req.param('id'));
    return json(c, fleetFormats.cve.json(await runFleetCve({ store, cveId })));
  });

  api.post('/products', write, limited, async (c) => {
    const input = parse(addProductBody, await body(c));
    const product = await runFleetAdd({ store, ...input, addedAt: ctx.clock().toISOString() });
    return json(c, fleetFormats.product.json({ action: 'added', product }), 201);
  });
  api.delete('/products/:name', write, async (c) => {
    const name = parse(productName, c.req.param('name'));
    const product = await store.findProduct(name);
    await runFleetRemove({ store, name });
    return json(c, product ? fleetFormats.product.json({ action: 'removed', product }) : '{}\n');
  });
  api.post('/scans', write, limited, async (c) => {
    const input = parse(scanBody, await body(c));
    const names = input.products ?? [];
    if (input.queue) {
      if (ctx.enqueue === null)
        throw new HttpProblem(400, 'queue: scan jobs need a PostgreSQL store (serve --db postgres://…)');
      return json(c, fleetFormats.enqueue.json(await ctx.enqueue(names)), 202);
    }
    const report = await runFleetScan({
      store,
      data: ctx.data,
      tmpDir: ctx.tmpDir,
      names,
      clock: ctx.clock,
      dashboardUrl: ctx.dashboardUrl,
    });
    return json(c, fleetFormats.scan.json(report));
  });
  api.post('/products/:name/gates', write, limited, async (c) => {
    const name = parse(productName, c.req.param('name'));
    const { asOf, ...gate } = parse(gateBody, await body(c));
    const report = await runFleetGate({
      store,
      name,
      gate: { ...gate, asOf: asOf ?? today() },
      tmpDir: ctx.tmpDir,
      recordedAt: ctx.clock().toISOString(),
    });
    // Recorded whatever the verdict: the verdict is in the document (`kgap gate --format json`), not the status.
    c.header('location', `/api/v1/products/${name}/gates`);
    return json(c, gateFormats.json(report.view), 201);
  });
  api.post('/plans', write, limited, async (c) => {
    const input = parse(planBody, await body(c));
    const report = await runFleetPlan({
      store,
      data: ctx.data,
      tmpDir: ctx.tmpDir,
      names: input.products ?? [],
      clock: ctx.clock,
    });
    return json(c, fleetFormats.plan.json(report));
  });
  return api;
}
