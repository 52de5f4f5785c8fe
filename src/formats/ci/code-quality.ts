/**
 * GitLab's Code Quality report (the CodeClimate issue subset GitLab documents: `description`, `check_name`,
 * `fingerprint`, `severity`, `location.path`, `location.lines.begin`): shown in merge requests on every tier,
 * unlike the Ultimate-only security reports. Used by `status` and `harden` with `--format gitlab`.
 */
import { digestOf } from '../vex/vex-document.js';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export type CodeQualityIssue = {
  readonly checkName: string;
  readonly description: string;
  readonly severity: CodeQualitySeverity;
  readonly path: string;
  readonly line: number | null;
  /** What makes the issue the same issue in the next pipeline (hashed into the fingerprint). */
  readonly identity: string;
};

/** The report: a JSON array, in the order given. */
export function renderCodeQuality(issues: readonly CodeQualityIssue[]): string {
  const out = issues.map((i) => ({
    type: 'issue',
    engine_name: 'kgap',
    check_name: i.checkName,
    description: i.description,
    categories: ['Security'],
    severity: i.severity,
    fingerprint: digestOf(i.identity).slice(0, 32),
    location: { path: i.path, lines: { begin: i.line ?? 1 } },
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}
