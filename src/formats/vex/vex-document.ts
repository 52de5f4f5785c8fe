import { createHash } from 'node:crypto';
import type { StatusView } from '../../analysis/exposure/plan-status-view.js';

/** kgap's version, as the documents name their generator. */
export const KGAP_VERSION = '0.1.0';

/** What a renderer needs besides the view: set by the caller (the CLI reads the environment), never the clock. */
export type StatusRenderOptions = {
  /**
   * Seconds since the epoch (reproducible-builds' `SOURCE_DATE_EPOCH`): the documents' timestamp. Without it the
   * timestamp is the vulns snapshot's commit time, so the same data and inputs give the same bytes.
   */
  readonly sourceDateEpoch?: number | null;
  /** The product `.config` the findings were judged against, as the user named it: where SARIF points. */
  readonly configPath?: string | null;
};

/** The kernel as the documents name it: a package URL, a CPE 2.3 name and a bom-ref. */
export type ProductIdentity = {
  readonly name: string;
  readonly version: string;
  readonly purl: string;
  readonly cpe: string;
  /** Tree mode: the commit the verdicts are for. */
  readonly commit: string | null;
};

/** The kernel of a status view (in tree mode: the tree's base release at the scanned commit). */
export function productOf(view: StatusView): ProductIdentity {
  const r = view.report;
  return {
    name: `Linux kernel ${r.version}`,
    version: r.version,
    // The kernel has no purl type of its own: `generic` (as OpenVEX output always said), versioned by release.
    purl: `pkg:generic/linux@${r.version}`,
    cpe: `cpe:2.3:o:linux:linux_kernel:${r.version}:*:*:*:*:*:*:*`,
    commit: r.tree?.revSha ?? null,
  };
}

/** The document timestamp, ISO 8601 UTC: `SOURCE_DATE_EPOCH` when given, else the data snapshot's time. */
export function documentTime(view: StatusView, options: StatusRenderOptions = {}): string {
  const epoch = options.sourceDateEpoch;
  if (epoch !== undefined && epoch !== null) return new Date(epoch * 1000).toISOString();
  return new Date(view.report.snapshot.vulnsCommitDate).toISOString();
}

/** A hex digest of the text: stable ids (document ids, fingerprints) derived from content, not chance. */
export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** An RFC 4122 UUID (version 5 layout, SHA-256 based) derived from the text: the same text, the same UUID. */
export function stableUuid(text: string): string {
  const h = digestOf(text).slice(0, 32).split('');
  h[12] = '5';
  h[16] = ((Number.parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

/**
 * What identifies a publication: the product, the data it was computed from and what it lists. Two runs on the
 * same inputs get the same id; a different list (new data, another config, other filters) a different one.
 */
export function publicationKey(view: StatusView, statements: readonly { id: string; status: string }[]): string {
  const r = view.report;
  return JSON.stringify([
    r.version,
    r.tree?.revSha ?? null,
    r.snapshot.vulnsCommit,
    r.snapshot.releasesAsOf,
    view.filters,
    statements.map((s) => `${s.id}:${s.status}`),
  ]);
}
