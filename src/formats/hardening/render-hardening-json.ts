import type { HardeningDiff } from '../../analysis/hardening/compare-hardening.js';
import type { HardeningReport } from '../../analysis/hardening/hardening-report.js';
import { type ShowMode, shownChecks } from './hardening-view.js';

/** Bumped on any incompatible change of the JSON below (documented in docs/hardening.md). */
export const HARDENING_SCHEMA_VERSION = 1;

function reportJson(r: HardeningReport, show: ShowMode) {
  return {
    source: r.source,
    kernelVersion: r.kernelVersion,
    arch: r.arch,
    compiler: r.compiler,
    inputs: r.inputs,
    latestRelease: r.latestRelease,
    scores: r.scores,
    checks: shownChecks(r, show),
    upgradeGain: r.upgradeGain,
  };
}

/** One report: its fields at the top level. Several (`--config DIR`): `{ schemaVersion, reports: [...] }`. */
export function renderHardeningJson(reports: readonly HardeningReport[], show: ShowMode): string {
  const body =
    reports.length === 1 && reports[0]
      ? { schemaVersion: HARDENING_SCHEMA_VERSION, ...reportJson(reports[0], show) }
      : { schemaVersion: HARDENING_SCHEMA_VERSION, reports: reports.map((r) => reportJson(r, show)) };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** `--against`: the change list plus both reports' scores. */
export function renderHardeningDiffJson(diff: HardeningDiff, from: HardeningReport, to: HardeningReport): string {
  const body = {
    schemaVersion: HARDENING_SCHEMA_VERSION,
    from: { source: from.source, kernelVersion: from.kernelVersion, arch: from.arch, scores: from.scores },
    to: { source: to.source, kernelVersion: to.kernelVersion, arch: to.arch, scores: to.scores },
    counts: diff.counts,
    changes: diff.changes,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
