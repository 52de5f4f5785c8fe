import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './create-app.js';
import type { ServerContext } from './server-context.js';

/** A running server: its address, and how to stop it. */
export type RunningServer = { readonly url: string; readonly close: () => Promise<void> };

/** Serves the app on host:port (port 0: any free port) and resolves once it listens. */
export function startServer(ctx: ServerContext, host: string, port: number): Promise<RunningServer> {
  const app = createApp(ctx);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}
