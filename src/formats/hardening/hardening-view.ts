import type {
  CheckResult,
  GroupScore,
  HardeningReport,
  UpgradeGain,
} from '../../analysis/hardening/hardening-report.js';

/** Which checks a rendering lists: failing ones (default for people), passing ones, or all (default for JSON). */
export const SHOW_MODES = ['fail', 'ok', 'all'] as const;
export type ShowMode = (typeof SHOW_MODES)[number];

/** The checks `--show` selects. `fail` includes waived failures (they are marked). */
export function shownChecks(report: HardeningReport, show: ShowMode): readonly CheckResult[] {
  if (show === 'all') return report.checks;
  return report.checks.filter((c) => c.status === show);
}

/** `62.5% (50 ok, 30 fail, 2 waived)`; `-` when nothing was decided. */
export function scoreText(s: GroupScore): string {
  const pct = s.score === null ? '-' : `${s.score.toFixed(1)}%`;
  return `${pct} (${s.ok} ok, ${s.fail} fail${s.waived ? `, ${s.waived} waived` : ''}, ${s.notApplicable} n/a, ${s.unknown} unknown)`;
}

/** One line naming the kernel. */
export function headline(report: HardeningReport): string {
  const parts = [
    report.kernelVersion ? `Linux ${report.kernelVersion}` : 'version unknown',
    report.arch ?? 'arch unknown',
  ];
  if (report.compiler) parts.push(report.compiler);
  return `${report.source}: ${parts.join(', ')}`;
}

/** The status word shown to people: waived and expired-waiver failures are told apart. */
export function statusText(c: CheckResult): string {
  if (c.status !== 'fail' || !c.waiver) return c.status;
  return c.waiver.expired ? 'fail (waiver expired)' : 'waived';
}

/** The upgrade gain grouped by the version that brings it, oldest first. */
export function gainByVersion(
  gain: readonly UpgradeGain[],
): { since: string; date: string | null; items: UpgradeGain[] }[] {
  const groups: { since: string; date: string | null; items: UpgradeGain[] }[] = [];
  for (const g of gain) {
    const last = groups.at(-1);
    if (last && last.since === g.since) last.items.push(g);
    else groups.push({ since: g.since, date: g.sinceDate, items: [g] });
  }
  return groups;
}
