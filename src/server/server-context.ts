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

/**
 * Rendered responses cached per store revision: the fleet page and `/api/v1/products` are rendered once per
 * change of the fleet, not once per request (a hundred requests a second read one string). Every write bumps
 * the revision, whichever process made it, so a cached page is never stale for longer than one revision read.
 */
export function revisionCache(store: FleetStore, maxEntries = 256) {
  let revision = -1;
  let entries = new Map<string, Promise<string>>();
  return async (key: string, make: () => Promise<string>): Promise<string> => {
    const now = await store.revision();
    if (now !== revision) {
      revision = now;
      entries = new Map();
    }
    let hit = entries.get(key);
    if (hit === undefined) {
      if (entries.size >= maxEntries) entries = new Map();
      hit = make();
      entries.set(key, hit);
      const mine = entries;
      hit.catch(() => mine.delete(key));
    }
    return hit;
  };
}
