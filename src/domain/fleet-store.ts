/**
 * The storage contract of the fleet: one interface, two engines (embedded SQLite, PostgreSQL) with the same
 * schema and migrations (src/sources/store/). Use-cases talk to this interface only; every write is one
 * transaction, so a scan killed mid-write leaves the previous scan as it was and no half-written one.
 */
import type { Delivery, FleetEventKind, Webhook, WebhookFormat } from './fleet-event.js';
import type { NewGate, StoredGate } from './fleet-gate.js';
import type { NewPlan, PlanHeadline, StoredPlan } from './fleet-plan.js';
import type { Product, ProductSpec } from './fleet-product.js';
import type {
  CveFacts,
  FindingVerdict,
  Scan,
  ScanFinding,
  ScanSnapshot,
  StoredEvidence,
  StoredRelevance,
} from './fleet-scan.js';

export const STORE_ENGINES = ['sqlite', 'postgres'] as const;
export type StoreEngineId = (typeof STORE_ENGINES)[number];

/** One verdict span of a branch: the CVE affects sublevels `from` <= s < `to` (`to` null: every later one). */
export type BranchSpan = FindingVerdict & { readonly id: string; readonly from: number; readonly to: number | null };

/** A branch's verdicts at one snapshot, shared by every product on the branch (written once per snapshot). */
export type BranchVerdictSet = {
  readonly snapshot: ScanSnapshot;
  readonly branch: string;
  readonly records: readonly CveFacts[];
  readonly spans: readonly BranchSpan[];
};

/** A verdict the product's own inputs decided (a tree, an rc): stored with its scan. */
export type OwnFinding = FindingVerdict & { readonly id: string; readonly evidence: StoredEvidence | null };

/** Everything one scan writes, in one transaction. */
export type NewScan = Omit<Scan, 'id'> & {
  /** `branch`: the findings are the branch's verdicts at `sublevel` (see `writeBranchVerdicts`). */
  readonly verdicts:
    | { readonly kind: 'branch'; readonly branch: string; readonly sublevel: number }
    | { readonly kind: 'own'; readonly records: readonly CveFacts[]; readonly findings: readonly OwnFinding[] };
  /** Per finding, with a config; null without one. */
  readonly relevance: readonly (StoredRelevance & { readonly id: string })[] | null;
  /** Notifications to post (the outbox): written with the scan, delivered after it commits. */
  readonly deliveries: readonly {
    readonly webhookId: number;
    readonly event: FleetEventKind;
    readonly payload: string;
  }[];
};

/** A product exposed to one CVE, from its latest scan. */
export type CveExposure = { readonly productId: number; readonly scanId: number; readonly finding: ScanFinding };

/** The outcome of one delivery attempt. */
export type DeliveryAttempt =
  | { readonly outcome: 'delivered'; readonly at: string }
  | { readonly outcome: 'retry' | 'failed'; readonly error: string };

/** The fleet's storage. Reads see committed data only. */
export type FleetStore = {
  readonly engine: StoreEngineId;
  /** Where the store is, safe to print (no password). */
  readonly location: string;
  /** The schema version (number of migrations applied). */
  readonly schemaVersion: number;

  /** Adds a product; an `InvalidInput('name')` when the name is taken. */
  addProduct(spec: ProductSpec, addedAt: string): Promise<Product>;
  /** Removes a product with its scans, plans and gates; false when there is none of that name. */
  removeProduct(name: string): Promise<boolean>;
  listProducts(): Promise<readonly Product[]>;
  findProduct(name: string): Promise<Product | null>;

  /** True when the branch's verdicts at this snapshot are stored. */
  hasBranchVerdicts(snapshot: ScanSnapshot, branch: string): Promise<boolean>;
  /** Stores a branch's verdicts at a snapshot (idempotent; one transaction). */
  writeBranchVerdicts(set: BranchVerdictSet): Promise<void>;

  /** Records a scan in one transaction. With a `jobId` already recorded, records nothing (a job is done once). */
  recordScan(scan: NewScan): Promise<{ readonly scanId: number; readonly recorded: boolean }>;
  /** The newest scan of every product that has one. */
  latestScans(): Promise<readonly Scan[]>;
  /** A product's scans, oldest first. */
  scanHistory(productId: number): Promise<readonly Scan[]>;
  findScan(scanId: number): Promise<Scan | null>;
  /** The findings of a scan, with relevance and evidence (unsorted). */
  scanFindings(scanId: number): Promise<readonly ScanFinding[]>;
  /** Every product whose latest scan carries the CVE. */
  cveExposure(cveId: string): Promise<readonly CveExposure[]>;
  /** Records a product's plan in one transaction; returns its id. */
  recordPlan(plan: NewPlan): Promise<number>;
  /** The newest plan of every product that has one, without its record. */
  latestPlans(): Promise<readonly PlanHeadline[]>;
  /** A product's newest plan with its record; null when it was never planned. */
  latestPlan(productId: number): Promise<StoredPlan | null>;
  /** Records one gate run of a product in one transaction; returns its id. */
  recordGate(gate: NewGate): Promise<number>;
  /** A product's gate runs, newest first; at most `limit` when not null. */
  gates(productId: number, limit: number | null): Promise<readonly StoredGate[]>;
  /** A number that changes with every committed write (products, scans, plans, gates, webhooks): what readers cache on. */
  revision(): Promise<number>;

  addWebhook(url: string, format: WebhookFormat, addedAt: string): Promise<Webhook>;
  removeWebhook(id: number): Promise<boolean>;
  listWebhooks(): Promise<readonly Webhook[]>;
  /** Deliveries, newest first; `pending` only when asked. */
  listDeliveries(options: { readonly pendingOnly: boolean; readonly limit: number }): Promise<readonly Delivery[]>;
  /** Records one attempt: `delivered`, `retry` (stays pending) or `failed` (gives up). */
  recordDeliveryAttempt(id: number, attempt: DeliveryAttempt): Promise<void>;

  close(): Promise<void>;
};
