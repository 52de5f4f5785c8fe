/**
 * The CI renderers of `harden`: GitHub Actions annotations (`--format github`; the Markdown report goes to the
 * job summary) and GitLab Code Quality (`--format gitlab`). Both list the failing checks (or, with `--against`,
 * the regressions) at the line that decides them.
 */
import type { HardeningDiff } from '../../analysis/hardening/compare-hardening.js';
import type { CheckResult, HardeningReport } from '../../analysis/hardening/hardening-report.js';
import { renderCodeQuality } from '../ci/code-quality.js';
import { renderAnnotations } from '../ci/github-annotations.js';
import { checkMessage, checkSpot } from './check-location.js';

const blocking = (c: CheckResult) => c.status === 'fail' && (c.waiver === null || c.waiver.expired);

/** Failing checks without a valid waiver, as annotations (at most 10), then the counts. */
export function renderHardeningGithub(reports: readonly HardeningReport[]): string {
  const failing = reports.flatMap((r) => r.checks.filter(blocking).map((c) => ({ r, c })));
  const annotations = failing.map(({ r, c }) => {
    const spot = checkSpot(r, c);
    return { level: 'error' as const, title: c.id, message: checkMessage(c), file: spot.path, line: spot.line ?? 1 };
  });
  const shown = Math.min(annotations.length, 10);
  return renderAnnotations(
    annotations,
    `kgap harden: ${failing.length} failing checks in ${reports.length} config(s); ${shown} annotated, the full list is in the job summary`,
  );
}

/** `--against`: the regressions as annotations at the candidate's lines. */
export function renderHardeningDiffGithub(diff: HardeningDiff, _from: HardeningReport, to: HardeningReport): string {
  const regressions = diff.changes.filter((ch) => ch.kind === 'regress');
  const annotations = regressions.map((ch) => {
    const spot = checkSpot(to, ch);
    const message = `${ch.option} regresses: ${ch.fromValue ?? 'not set'} -> ${ch.toValue ?? 'not set'}`;
    return { level: 'error' as const, title: ch.id, message, file: spot.path, line: spot.line ?? 1 };
  });
  return renderAnnotations(annotations, `kgap harden: ${regressions.length} regressions in ${to.source}`);
}

/** Failing checks as Code Quality issues (`major`; waived ones `info`). */
export function renderHardeningGitlab(reports: readonly HardeningReport[]): string {
  const issues = reports.flatMap((r) =>
    r.checks
      .filter((c) => c.status === 'fail')
      .map((c) => {
        const spot = checkSpot(r, c);
        return {
          checkName: c.id,
          description: `${blocking(c) ? '' : 'Waived: '}${checkMessage(c)}`,
          severity: blocking(c) ? ('major' as const) : ('info' as const),
          path: spot.path,
          line: spot.line,
          identity: `${r.source}:${c.id}`,
        };
      }),
  );
  return renderCodeQuality(issues);
}

/** `--against`: the regressions as Code Quality issues in the candidate config. */
export function renderHardeningDiffGitlab(diff: HardeningDiff, _from: HardeningReport, to: HardeningReport): string {
  const issues = diff.changes
    .filter((ch) => ch.kind === 'regress')
    .map((ch) => {
      const spot = checkSpot(to, ch);
      return {
        checkName: ch.id,
        description: `${ch.option} regresses: ${ch.fromValue ?? 'not set'} -> ${ch.toValue ?? 'not set'}`,
        severity: 'major' as const,
        path: spot.path,
        line: spot.line,
        identity: `${to.source}:${ch.id}`,
      };
    });
  return renderCodeQuality(issues);
}
