/**
 * `harden --format sarif`: SARIF 2.1.0 for code scanning. One rule per check id; a result per shown check at
 * the `.config` line that decides it (docs/formats.md, "SARIF"): fail -> `fail` (error; a valid waiver
 * suppresses it with its reason), ok -> `pass`, not-applicable -> `notApplicable`, unknown -> `open`.
 * `--against`: one result per change, at the candidate config's line.
 */
import type { HardeningDiff } from '../../analysis/hardening/compare-hardening.js';
import type { CheckResult, CheckStatus, HardeningReport } from '../../analysis/hardening/hardening-report.js';
import { locationOf, renderSarifLog } from '../ci/sarif-log.js';
import { checkMessage, checkSpot } from './check-location.js';
import { type ShowMode, shownChecks } from './hardening-view.js';

const KIND: Record<CheckStatus, string> = {
  ok: 'pass',
  fail: 'fail',
  'not-applicable': 'notApplicable',
  unknown: 'open',
};

type Rule = Pick<CheckResult, 'id' | 'type' | 'option' | 'desired' | 'reason' | 'profile' | 'sources'>;

function rulesOf(reports: readonly HardeningReport[]): { rules: object[]; index: Map<string, number> } {
  const index = new Map<string, number>();
  const rules: object[] = [];
  for (const r of reports)
    for (const c of r.checks as readonly Rule[]) {
      if (index.has(c.id)) continue;
      index.set(c.id, rules.length);
      rules.push({
        id: c.id,
        shortDescription: { text: `${c.option}: ${c.desired}` },
        defaultConfiguration: { level: 'error' },
        properties: { tags: ['security', 'hardening', c.type, c.reason], profile: c.profile, sources: c.sources },
      });
    }
  return { rules, index };
}

function resultOf(report: HardeningReport, c: CheckResult, ruleIndex: number) {
  const waived = c.status === 'fail' && c.waiver !== null && !c.waiver.expired;
  return {
    ruleId: c.id,
    ruleIndex,
    kind: KIND[c.status],
    level: c.status === 'fail' ? 'error' : 'none',
    message: { text: checkMessage(c) },
    locations: [locationOf(checkSpot(report, c))],
    partialFingerprints: { 'kgapCheck/v1': c.id },
    ...(waived && c.waiver
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: `waived by ${c.waiver.owner} until ${c.waiver.expires}: ${c.waiver.reason}`,
            },
          ],
        }
      : {}),
    properties: { status: c.status, actual: c.actual, desired: c.desired },
  };
}

/** The checks `show` selects (default for SARIF: the failing ones), of every report. */
export function renderHardeningSarif(reports: readonly HardeningReport[], show: ShowMode): string {
  const { rules, index } = rulesOf(reports);
  const results = reports.flatMap((r) => shownChecks(r, show).map((c) => resultOf(r, c, index.get(c.id) ?? 0)));
  return renderSarifLog({
    automationId: 'kgap/harden/',
    rules,
    results,
    properties: { configs: reports.map((r) => r.source), show },
  });
}

/** `--against`: regressions fail, improvements pass, checks that appear or disappear are informational. */
export function renderHardeningDiffSarif(diff: HardeningDiff, from: HardeningReport, to: HardeningReport): string {
  const { rules, index } = rulesOf([to]);
  const results = diff.changes.map((ch) => ({
    ruleId: ch.id,
    ruleIndex: index.get(ch.id) ?? 0,
    kind: ch.kind === 'regress' ? 'fail' : ch.kind === 'improve' ? 'pass' : 'informational',
    level: ch.kind === 'regress' ? 'error' : 'none',
    message: {
      text: `${ch.kind}: ${ch.option} ${ch.from} -> ${ch.to} (${ch.fromValue ?? 'not set'} -> ${ch.toValue ?? 'not set'})`,
    },
    locations: [locationOf(checkSpot(to, ch))],
    partialFingerprints: { 'kgapCheck/v1': ch.id },
    properties: { change: ch.kind },
  }));
  return renderSarifLog({
    automationId: 'kgap/harden-against/',
    rules,
    results,
    properties: { from: from.source, to: to.source, counts: diff.counts },
  });
}
