import type { HardeningDiff } from '../../analysis/hardening/compare-hardening.js';
import type { HardeningReport } from '../../analysis/hardening/hardening-report.js';
import { gainByVersion, headline, type ShowMode, scoreText, shownChecks, statusText } from './hardening-view.js';

function pad(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The short summary: headline, per-group scores, upgrade-gain counts. */
export function renderHardeningSummary(report: HardeningReport): string {
  const lines = [headline(report)];
  for (const s of report.scores) lines.push(`  ${s.group.padEnd(20)} ${scoreText(s)}`);
  const groups = gainByVersion(report.upgradeGain);
  const limit = report.latestRelease ? ` (up to ${report.latestRelease})` : '';
  lines.push(
    `  upgrade gain${limit}: ${report.upgradeGain.length} defences` +
      (groups.length ? ` — ${groups.map((g) => `${g.since}: ${g.items.length}`).join(', ')}` : ''),
  );
  return lines.join('\n');
}

/** The plain-text table for a terminal. */
export function renderHardeningTable(reports: readonly HardeningReport[], show: ShowMode): string {
  const parts = reports.map((report) => {
    const rows = shownChecks(report, show).map((c) => [
      statusText(c),
      c.type,
      c.id === c.option ? c.option : `${c.option} [${c.id}]`,
      c.desired,
      c.actual ?? '-',
      c.detail ?? '',
    ]);
    const table = rows.length
      ? pad([['STATUS', 'TYPE', 'OPTION', 'DESIRED', 'ACTUAL', 'NOTE'], ...rows])
      : `(no checks with status ${show})`;
    const gain = gainByVersion(report.upgradeGain).map(
      (g) => `  ${g.since}${g.date ? ` (${g.date})` : ''}: ${g.items.map((i) => i.id).join(', ')}`,
    );
    return [
      renderHardeningSummary(report),
      '',
      table,
      ...(gain.length ? ['', 'Upgrade gain, by the version that brings it:', ...gain] : []),
    ].join('\n');
  });
  return `${parts.join('\n\n')}\n`;
}

/** `--against` as text. */
export function renderHardeningDiffTable(diff: HardeningDiff): string {
  const c = diff.counts;
  const head = `${diff.from} -> ${diff.to}: ${c.regress} regress, ${c.improve} improve, ${c.appear} appear, ${c.disappear} disappear`;
  if (diff.changes.length === 0) return `${head}\n`;
  const rows = diff.changes.map((ch) => [
    ch.kind,
    ch.type,
    ch.option,
    `${ch.from} -> ${ch.to}`,
    `${ch.fromValue ?? '-'} -> ${ch.toValue ?? '-'}`,
  ]);
  return `${head}\n\n${pad([['CHANGE', 'TYPE', 'OPTION', 'STATUS', 'VALUE'], ...rows])}\n`;
}
