/**
 * `kgap/fleet`: the products a team ships, scanned over time and planned for their next stable release, in SQLite
 * or PostgreSQL; and the HTTP server (REST API and dashboard) over them. docs/fleet.md.
 *
 * @example
 * ```ts
 * import { resolveDataOptions } from 'kgap';
 * import { openFleetStore, runFleetAdd, runFleetPlan, runFleetScan, fleetFormats } from 'kgap/fleet';
 *
 * const store = await openFleetStore('/tmp/fleet.db');
 * await runFleetAdd({ store, name: 'board-a', version: '6.1.170', addedAt: new Date().toISOString() });
 * const data = resolveDataOptions({}, process.env, null);
 * const report = await runFleetScan({ store, data, tmpDir: '/tmp', names: [], clock: () => new Date() });
 * process.stdout.write(fleetFormats.scan.json(report));
 * // Products with a git tree: the update decision record to the newest release of the branch, stored.
 * const plans = await runFleetPlan({ store, data, tmpDir: '/tmp', names: [], clock: () => new Date() });
 * process.stdout.write(fleetFormats.plan.table(plans));
 * await store.close();
 * ```
 * @module
 */

export { deliverPending } from '../app/fleet/deliver-notifications.js';
export { type FleetAddInput, runFleetAdd, runFleetRemove } from '../app/fleet/run-fleet-add.js';
export { runFleetCve } from '../app/fleet/run-fleet-cve.js';
export { enqueueScans } from '../app/fleet/run-fleet-enqueue.js';
export { runFleetList } from '../app/fleet/run-fleet-list.js';
export { type FleetPlanInput, runFleetPlan } from '../app/fleet/run-fleet-plan.js';
export { type FleetScanInput, runFleetScan } from '../app/fleet/run-fleet-scan.js';
export { runFleetScanParallel } from '../app/fleet/run-fleet-scan-parallel.js';
export { runFleetHistory, runFleetPlanShow, runFleetShow } from '../app/fleet/run-fleet-show.js';
export { runWebhookAdd, runWebhookRemove } from '../app/fleet/run-fleet-webhooks.js';
export { runWorker, type WorkerInput } from '../app/fleet/run-worker.js';
export type { Delivery, FleetEvent, Webhook, WebhookFormat } from '../domain/fleet-event.js';
export {
  type NewPlan,
  NoStoredPlan,
  type PlanHeadline,
  STORED_PLAN_OUTCOMES,
  type StoredPlan,
  type StoredPlanOutcome,
} from '../domain/fleet-plan.js';
export type { Product, ProductKernel, ProductSpec } from '../domain/fleet-product.js';
export type { Scan, ScanFinding, ScanHardening, ScanSummary } from '../domain/fleet-scan.js';
export type { FleetStore, StoreEngineId } from '../domain/fleet-store.js';
export type {
  CveAcrossFleet,
  FleetPlanReport,
  FleetRow,
  FleetScanReport,
  PlannedProduct,
  ProductDetail,
  ProductHistory,
  ProductPlan,
} from '../domain/fleet-view.js';
export { FLEET_FORMATS, type FleetFormat, fleetFormats } from '../formats/fleet/index.js';
export { createApp } from '../server/create-app.js';
export type { ServerContext } from '../server/server-context.js';
export { type RunningServer, startServer } from '../server/start-server.js';
export { engineOf, openFleetStore } from '../sources/store/open-fleet-store.js';
export { resolveStoreLocation } from '../sources/store/store-location.js';
