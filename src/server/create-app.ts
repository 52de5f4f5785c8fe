import { Hono } from 'hono';
import { apiRoutes } from './api-routes.js';
import { dashboardRoutes } from './dashboard-routes.js';
import { errorResponse } from './http-errors.js';
import type { ServerContext } from './server-context.js';

/** The whole server: the REST API under /api/v1 and the dashboard, one error mapping for both. */
export function createApp(ctx: ServerContext): Hono {
  const app = new Hono();
  app.onError(errorResponse);
  app.notFound((c) => c.json({ error: `no such resource: ${c.req.method} ${c.req.path}` }, 404));
  app.route('/api/v1', apiRoutes(ctx));
  app.route('/', dashboardRoutes(ctx));
  return app;
}
