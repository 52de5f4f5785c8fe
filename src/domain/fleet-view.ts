/** What the fleet's reads return: the types the CLI, the API and the dashboard render. */
import type { FleetEventKind } from './fleet-event.js';
import type { StoredGate } from './fleet-gate.js';
import type { PlanHeadline, StoredPlan } from './fleet-plan.js';
import type { Product } from './fleet-product.js';
import type { Scan, ScanFinding, ScanSummary } from './fleet-scan.js';

/** A product's support period against its branch's end of life. */
export type SupportVerdict = {
  readonly branchEol: string | null;
  readonly projected: boolean;
  /** One line when the branch ends before the product's support does (or has ended); null otherwise. */
  readonly warning: string | null;
};

/** One product in the fleet table: its latest scan (null before the first), its support verdict and its latest
 * plan (null when never planned). */
export type FleetRow = {
  readonly product: Product;
  readonly scan: Scan | null;
  readonly support: SupportVerdict;
  readonly plan: PlanHeadline | null;
};

/** One product: its row, its latest plan with the record, and its latest scan's findings, most severe first. */
export type ProductDetail = FleetRow & { readonly plan: StoredPlan | null; readonly findings: readonly ScanFinding[] };

/** A product's scans, oldest first. */
export type ProductHistory = { readonly product: Product; readonly scans: readonly Scan[] };

/** One CVE across the fleet: the products whose latest scan carries it, given their configs and trees. */
export type CveAcrossFleet = {
  readonly cveId: string;
  readonly exposed: readonly { readonly product: Product; readonly scan: Scan; readonly finding: ScanFinding }[];
  /** Products scanned that do not carry it. */
  readonly notExposed: readonly Product[];
  /** Products never scanned: nothing is known of them. */
  readonly unscanned: readonly Product[];
};

/** How the notifications of a run went. */
export type DeliveryReport = { readonly delivered: number; readonly failed: number };

/** One product's outcome in a fleet scan. */
export type ScannedProduct = {
  readonly product: string;
  readonly scanId: number;
  readonly summary: ScanSummary;
  readonly events: readonly FleetEventKind[];
};

/** What `kgap fleet scan` did. */
export type FleetScanReport = {
  readonly scanned: readonly ScannedProduct[];
  /** Products whose inputs could not be read (the others were scanned). */
  readonly failed: readonly { readonly product: string; readonly error: string }[];
  readonly deliveries: DeliveryReport | null;
  readonly warnings: readonly string[];
};

/** What `kgap fleet scan --queue` did: one job per product, enqueued. */
export type EnqueueReport = {
  readonly queue: string;
  readonly jobs: readonly { readonly product: string; readonly jobId: string }[];
};

/** What `kgap fleet plan` did for one product. */
export type PlannedProduct = {
  readonly product: string;
  /** `not-plannable`: registered by version (a plan needs the tree); `failed`: its inputs could not be read. */
  readonly status: 'planned' | 'up-to-date' | 'not-plannable' | 'failed';
  /** The stored plan (planned, up to date); null otherwise. */
  readonly plan: PlanHeadline | null;
  /** Why it was not planned (not plannable, failed); null otherwise. */
  readonly reason: string | null;
};

/** What `kgap fleet plan` did, product by product (by name). */
export type FleetPlanReport = {
  readonly products: readonly PlannedProduct[];
  readonly warnings: readonly string[];
};

/** A product's stored plan with its record (`kgap fleet show NAME --plan`, `GET /api/v1/products/{name}/plan`). */
export type ProductPlan = { readonly product: Product; readonly plan: StoredPlan };

/** A product's recorded gate runs, newest first (`kgap fleet gates NAME`). */
export type ProductGates = { readonly product: string; readonly gates: readonly StoredGate[] };
