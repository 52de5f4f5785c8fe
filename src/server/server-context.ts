import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import type { FleetStore } from '../domain/fleet-store.js';
import type { EnqueueReport } from '../domain/fleet-view.js';
import type { DataOptions } from '../sources/data/data-options.js';

/** What the server's routes share: the store, the data the scans read, the write token and the clock. */
export type ServerContext = {
  readonly store: FleetStore;
  readonly data: DataOptions;
  readonly tmpDir: string;
  /** The bearer token writes need; null: the server is read-only (writes get 403). */
  readonly token: string | null;
  readonly clock: () => Date;
  /** Enqueues scan jobs for workers; null when the store is not PostgreSQL. */
  readonly enqueue: ((names: readonly string[]) => Promise<EnqueueReport>) | null;
  /** Base URL of the dashboard, for links in notifications. */
  readonly dashboardUrl: string | null;
};

/** A rendered response body, with its gzip form made once. */
export type Rendered = { readonly text: string; readonly gzip: Buffer };

/**
 * Rendered responses cached per store revision: the fleet page and `/api/v1/products` are rendered (and
 * gzipped) once per change of the fleet, not once per request. Every write bumps the revision, whichever
 * process made it, so a cached page is never stale for longer than one revision read.
 */
export function revisionCache(store: FleetStore, maxEntries = 256) {
  let revision = -1;
  let entries = new Map<string, Promise<Rendered>>();
  return async (key: string, make: () => Promise<string>): Promise<Rendered> => {
    const now = await store.revision();
    if (now !== revision) {
      revision = now;
      entries = new Map();
    }
    let hit = entries.get(key);
    if (hit === undefined) {
      if (entries.size >= maxEntries) entries = new Map();
      hit = make().then((text) => ({ text, gzip: gzipSync(text, { level: 6 }) }));
      entries.set(key, hit);
      const mine = entries;
      hit.catch(() => mine.delete(key));
    }
    return hit;
  };
}

/** Sends a cached body, gzipped when the client accepts it (a 400 KiB fleet page is ~40 KiB on the wire). */
export function sendRendered(c: Context, body: Rendered, contentType: string): Response {
  const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
  const headers: Record<string, string> = { 'content-type': contentType, vary: 'accept-encoding' };
  if (gzip) headers['content-encoding'] = 'gzip';
  return new Response(gzip ? body.gzip : body.text, { headers });
}
