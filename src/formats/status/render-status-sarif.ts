/**
 * `status --format sarif`: the CVE findings as SARIF 2.1.0 results (rule = CVE id) for GitHub code scanning and
 * other SARIF viewers. Mapping (docs/formats.md, "SARIF"): affected -> a `fail` result at the CVE's severity;
 * not affected (code not built) -> the same result, suppressed with the evidence as justification; fixed (tree
 * mode, carried ahead of the base) -> a `pass` result.
 */
import type { Severity } from '../../domain/cve.js';
import { locationOf, renderSarifLog, type SarifLevel } from '../ci/sarif-log.js';
import { productOf, type StatusRenderOptions } from '../vex/vex-document.js';
import { planVexStatements, type VexStatement } from '../vex/vex-statements.js';
import { findingLocation } from './finding-location.js';
import type { StatusView } from './status-view.js';

/** Critical and high: error; medium and unscored: warning (an unscored kernel CVE is not known to be minor). */
export function levelOf(severity: Severity | null): SarifLevel {
  if (severity === 'critical' || severity === 'high') return 'error';
  if (severity === 'low' || severity === 'none') return 'note';
  return 'warning';
}

function ruleOf(s: VexStatement) {
  return {
    id: s.id,
    shortDescription: { text: s.title ?? s.id },
    helpUri: `https://www.cve.org/CVERecord?id=${s.id}`,
    ...(s.action ? { help: { text: s.action } } : {}),
    defaultConfiguration: { level: levelOf(s.cvss?.severity ?? null) },
    properties: {
      tags: ['security', 'vulnerability', 'linux-kernel'],
      // GitHub code scanning reads `security-severity` (a CVSS score as text) to rank security alerts.
      ...(s.cvss ? { 'security-severity': s.cvss.score.toFixed(1) } : {}),
    },
  };
}

function messageOf(s: VexStatement, version: string): string {
  if (s.status === 'fixed') return `${s.id}: fixed in this tree: ${s.detail ?? ''}`.trim();
  if (s.status === 'not_affected') return `${s.id} is in Linux ${version} but not in the product: ${s.detail ?? ''}`;
  return `${s.id} affects Linux ${version}: ${s.title ?? ''}. ${s.action ?? ''}`;
}

/** SARIF 2.1.0 log of the view's statements. */
export function renderStatusSarif(view: StatusView, options: StatusRenderOptions = {}): string {
  const product = productOf(view);
  const statements = planVexStatements(view);
  const where = findingLocation(view, options);
  const results = statements.map((s, ruleIndex) => ({
    ruleId: s.id,
    ruleIndex,
    kind: s.status === 'fixed' ? 'pass' : 'fail',
    level: s.status === 'fixed' ? 'none' : s.status === 'not_affected' ? 'note' : levelOf(s.cvss?.severity ?? null),
    message: { text: messageOf(s, product.version) },
    ...(where
      ? { locations: [locationOf(where)] }
      : { locations: [{ logicalLocations: [{ fullyQualifiedName: product.purl, kind: 'module' }] }] }),
    // Stable across runs and line moves: the CVE and the product line, not the text or the position.
    partialFingerprints: { 'kgapFinding/v1': `${s.id}:linux-${view.report.branch}` },
    ...(s.status === 'not_affected'
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${s.justification}: ${s.detail}` }] }
      : {}),
    properties: {
      vexStatus: s.status,
      fixRelease: s.fixRelease,
      fixedUpstream: s.fixedUpstream,
      ...(s.relevance ? { relevance: s.relevance } : {}),
      ...(s.commit ? { commit: s.commit } : {}),
    },
  }));
  return renderSarifLog({
    automationId: `kgap/status/linux-${product.version}/`,
    rules: statements.map(ruleOf),
    results,
    properties: {
      kernel: product.version,
      ...(product.commit ? { treeCommit: product.commit } : {}),
      vulnsCommit: view.report.snapshot.vulnsCommit,
      releasesAsOf: view.report.snapshot.releasesAsOf,
      filters: view.filters,
    },
  });
}
