/**
 * `kgap fleet scan`: scans the products (all, or those named), records one scan each in its own transaction,
 * and posts the notifications the scans warrant. Products on one branch share that branch's verdicts: read once
 * per run (the status session) and stored once per data snapshot.
 */
import { type NotificationContext, planNotification } from '../../analysis/fleet/plan-notification.js';
import { planScanEvents } from '../../analysis/fleet/plan-scan-events.js';
import { dayOfInstant } from '../../domain/day.js';
import type { FleetEventKind, Webhook } from '../../domain/fleet-event.js';
import type { Product } from '../../domain/fleet-product.js';
import type { Scan } from '../../domain/fleet-scan.js';
import type { FleetStore, NewScan } from '../../domain/fleet-store.js';
import type { FleetScanReport, ScannedProduct } from '../../domain/fleet-view.js';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { newStatusSession, type StatusSession } from '../status/status-session.js';
import { deliverPending } from './deliver-notifications.js';
import { type ProductScan, scanProduct } from './scan-product.js';
import { ensureBranchVerdicts } from './store-branch-verdicts.js';

export type FleetScanInput = {
  readonly store: FleetStore;
  readonly data: DataOptions;
  readonly tmpDir: string;
  /** Product names; empty: every product. */
  readonly names: readonly string[];
  /** The clock, read for each scan's time (injected: tests pin it). */
  readonly clock: () => Date;
  /** Post pending notifications after the scans (default true). */
  readonly notify?: boolean;
  /** The dashboard's base URL for links in notifications; null: no links. */
  readonly dashboardUrl?: string | null;
  readonly progress?: ((message: string) => void) | null;
};

/** The products to scan: all, or the named ones (every name must exist). */
export async function selectProducts(store: FleetStore, names: readonly string[]): Promise<Product[]> {
  const all = await store.listProducts();
  if (names.length === 0) return [...all];
  const byName = new Map(all.map((p) => [p.name, p]));
  const missing = names.filter((n) => !byName.has(n));
  if (missing.length > 0)
    throw new InvalidInput('names', `no product of the fleet is named ${missing.join(', ')} (see kgap fleet list)`);
  return [...new Set(names)].map((n) => byName.get(n) as Product);
}

/** The shared part of a fleet scan and a worker's job: scan, store the branch verdicts, plan the deliveries. */
export async function scanAndRecord(options: {
  readonly store: FleetStore;
  readonly product: Product;
  readonly data: DataOptions;
  readonly tmpDir: string;
  readonly session: StatusSession;
  readonly clock: () => Date;
  readonly previous: Scan | null;
  readonly jobId: string | null;
  readonly dashboardUrl: string | null;
  /** The fleet's webhooks (read once per run). */
  readonly webhooks: readonly Webhook[];
}): Promise<{
  readonly scanId: number;
  readonly recorded: boolean;
  readonly result: ProductScan;
  readonly events: FleetEventKind[];
}> {
  const { store, product } = options;
  const asOf = dayOfInstant(options.clock());
  const result = await scanProduct(product, {
    data: options.data,
    tmpDir: options.tmpDir,
    session: options.session,
    asOf,
    withFacts: options.webhooks.length > 0 && options.previous !== null,
  });
  if (result.branch !== null) {
    await ensureBranchVerdicts({
      store,
      data: options.data,
      session: options.session,
      snapshot: result.scan.snapshot,
      branch: result.branch.name,
      version: result.branch.version,
    });
  }
  const scannedAt = options.clock().toISOString();
  const { webhooks } = options;
  const deliveries: NewScan['deliveries'][number][] = [];
  const kinds: FleetEventKind[] = [];
  if (webhooks.length > 0) {
    const prev = options.previous;
    const previous =
      prev === null
        ? null
        : {
            ids: new Set((await store.scanFindings(prev.id)).map((f) => f.id)),
            branchLatest: prev.summary.branchLatest,
          };
    const context: NotificationContext = {
      product: product.name,
      version: result.scan.summary.version,
      branch: result.scan.summary.branch,
      scannedAt,
      vulnsCommit: result.scan.snapshot.vulnsCommit,
      releasesAsOf: result.scan.snapshot.releasesAsOf,
      link: options.dashboardUrl ? `${options.dashboardUrl.replace(/\/$/, '')}/products/${product.name}` : null,
    };
    for (const event of planScanEvents(previous, result.facts)) {
      kinds.push(event.kind);
      for (const w of webhooks) {
        deliveries.push({ webhookId: w.id, event: event.kind, payload: planNotification(event, context, w.format) });
      }
    }
  }
  const { scanId, recorded } = await store.recordScan({ ...result.scan, jobId: options.jobId, scannedAt, deliveries });
  return { scanId, recorded, result, events: kinds };
}

/** Runs the fleet scan. */
export async function runFleetScan(input: FleetScanInput): Promise<FleetScanReport> {
  const { store } = input;
  const products = await selectProducts(store, input.names);
  const latest = new Map((await store.latestScans()).map((s) => [s.productId, s]));
  const session = newStatusSession();
  const webhooks = await store.listWebhooks();
  const scanned: ScannedProduct[] = [];
  const failed: { product: string; error: string }[] = [];
  const warnings: string[] = [];
  for (const [i, product] of products.entries()) {
    input.progress?.(`scanning ${product.name} ${i + 1}/${products.length}`);
    try {
      const { scanId, result, events } = await scanAndRecord({
        store,
        product,
        data: input.data,
        tmpDir: input.tmpDir,
        session,
        clock: input.clock,
        previous: latest.get(product.id) ?? null,
        jobId: null,
        dashboardUrl: input.dashboardUrl ?? null,
        webhooks,
      });
      for (const w of result.scan.warnings) warnings.push(`${product.name}: ${w}`);
      scanned.push({ product: product.name, scanId, summary: result.scan.summary, events });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      failed.push({ product: product.name, error: error.message });
    }
  }
  const deliveries = input.notify === false ? null : await deliverPending({ store, clock: input.clock });
  return { scanned, failed, deliveries, warnings: [...new Set(warnings)].sort() };
}
