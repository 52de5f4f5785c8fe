/**
 * The CI renderers of `status`: GitHub Actions annotations (`--format github`) and GitLab Code Quality
 * (`--format gitlab`). Both use the VEX statements, so their counts match every other format.
 */
import type { Severity } from '../../domain/cve.js';
import { type CodeQualitySeverity, renderCodeQuality } from '../ci/code-quality.js';
import { MAX_ANNOTATIONS, renderAnnotations } from '../ci/github-annotations.js';
import { productOf, type StatusRenderOptions } from '../vex/vex-document.js';
import { countVexStatuses, planVexStatements } from '../vex/vex-statements.js';
import { findingLocation } from './finding-location.js';
import type { StatusView } from './status-view.js';

/**
 * The most severe affected CVEs as annotations (at most 10 per step, GitHub's limit), then one line with the
 * counts. The full list goes to `$GITHUB_STEP_SUMMARY` as Markdown (the CLI appends it).
 */
export function renderStatusGithub(view: StatusView, options: StatusRenderOptions = {}): string {
  const statements = planVexStatements(view);
  const where = findingLocation(view, options);
  const affected = statements.filter((s) => s.status === 'affected');
  const annotations = affected.slice(0, MAX_ANNOTATIONS).map((s) => ({
    level: s.cvss?.severity === 'critical' || s.cvss?.severity === 'high' ? ('error' as const) : ('warning' as const),
    title: `${s.id}${s.cvss ? ` (CVSS ${s.cvss.score.toFixed(1)})` : ''}`,
    message: `${s.title ?? s.id}\n${s.action ?? ''}`,
    file: where?.path ?? null,
    line: where ? 1 : null,
  }));
  const c = countVexStatuses(statements);
  const closing = `kgap: Linux ${view.report.version}: affected ${c.affected}, not affected ${c.not_affected}, fixed ${c.fixed}; ${annotations.length} annotated, the full list is in the job summary`;
  return renderAnnotations(annotations, closing);
}

function severityOf(severity: Severity | null): CodeQualitySeverity {
  if (severity === 'critical') return 'critical';
  if (severity === 'high') return 'major';
  if (severity === 'low' || severity === 'none') return 'info';
  return 'minor';
}

/**
 * GitLab Code Quality issues: affected CVEs at their severity; not-affected ones (code not built) as `info`, so
 * the report holds the same counts as the VEX documents. Fixed ones (tree mode) are not issues and are left out.
 * Without a config or tree the path is the kernel's package URL (there is no file to point at).
 */
export function renderStatusGitlab(view: StatusView, options: StatusRenderOptions = {}): string {
  const product = productOf(view);
  const where = findingLocation(view, options);
  const issues = planVexStatements(view)
    .filter((s) => s.status !== 'fixed')
    .map((s) => ({
      checkName: s.id,
      description:
        s.status === 'not_affected'
          ? `Not affected: ${s.id} ${s.title ?? ''} (${s.detail ?? 'code not built'})`
          : `${s.id} ${s.title ?? ''}: ${s.action ?? ''}`,
      severity: s.status === 'not_affected' ? ('info' as const) : severityOf(s.cvss?.severity ?? null),
      path: where?.path ?? product.purl,
      line: null,
      identity: `${s.id}:linux-${view.report.branch}`,
    }));
  return renderCodeQuality(issues);
}
