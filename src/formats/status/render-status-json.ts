import type { Finding } from '../../analysis/exposure/assess-exposure.js';
import { relevanceJson } from './relevance-cells.js';
import type { StatusView } from './status-view.js';
import { renderTreeFacts } from './tree-facts-json.js';

/** Version of the `kgap status --format json` document (docs/json-status.md). */
export const STATUS_JSON_SCHEMA_VERSION = 1;

/** JSON report: fixed key order, findings as sorted by the analysis, trailing newline. */
export function renderStatusJson(view: StatusView): string {
  const r = view.report;
  const doc = {
    schemaVersion: STATUS_JSON_SCHEMA_VERSION,
    kernel: { version: r.version, branch: r.branch, released: r.versionDate },
    // Tree mode only (absent in version mode, which stays byte-identical): docs/semantics.md "Tree mode".
    ...(r.tree
      ? { base: { makefile: r.tree.base.makefile, tag: r.tree.base.tag }, vendorCommits: r.tree.vendorCommits }
      : {}),
    branch: {
      latest: r.branchLatest?.version ?? null,
      latestDate: r.branchLatest?.date ?? null,
      releasesBehind: r.releasesBehind,
      daysBehind: r.daysBehind,
    },
    summary: {
      affected: r.summary.affected,
      shown: view.shown.length,
      fixedByNewerRelease: r.summary.fixedByNewerRelease,
      fixedByLatest: r.summary.fixedByLatest,
      biggestFixRelease: r.summary.biggestFixRelease,
      noFixOnBranch: r.summary.noFixOnBranch,
      ambiguous: r.summary.ambiguous,
      bySeverity: r.summary.bySeverity,
      ...(r.summary.relevance ? { relevance: r.summary.relevance } : {}),
    },
    filters: view.filters,
    notes: r.notes,
    snapshot: r.snapshot,
    affected: view.shown.map(findingJson),
    ...(r.tree ? { tree: renderTreeFacts(r.tree) } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * One finding as the document shows it. The optional keys are added after the fixed ones, in the same order the
 * object spreads gave them, rather than spread in: one call per finding (2,559 on the bench's warm status), mostly
 * before V8 optimizes it, where a spread is slow (docs/performance.md, "Start-up").
 */
function findingJson(f: Finding): Record<string, unknown> {
  const row: Record<string, unknown> = {
    id: f.id,
    title: f.title,
    cvss: f.cvss,
    severity: f.severity,
    fixedOnBranch: f.fixedOnBranch,
    fixedUpstream: f.fixedUpstream,
    published: f.published,
    ambiguous: f.ambiguous,
    ambiguousReason: f.ambiguousReason,
    rule: f.rule,
    programFiles: f.programFiles,
  };
  if (f.evidence) row.evidence = f.evidence;
  if (f.relevance) row.relevance = relevanceJson(f).relevance;
  return row;
}
