import type { SimulationReport } from '../../analysis/simulate/assess-simulation.js';

/** Version of the `kgap simulate --format json` document (docs/analytics.md, "simulate"). */
export const SIMULATE_JSON_SCHEMA_VERSION = 1;

/** JSON report: fixed key order, policies in the order given, one open count per replayed day. */
export function renderSimulateJson(report: SimulationReport): string {
  const doc = {
    schemaVersion: SIMULATE_JSON_SCHEMA_VERSION,
    branch: report.branch,
    start: report.start,
    window: report.window,
    policies: report.policies.map((p) => ({
      policy: p.policy,
      vulnerabilityDays: p.vulnerabilityDays,
      meanOpen: p.meanOpen,
      maxOpen: p.maxOpen,
      maxOpenDate: p.maxOpenDate,
      severeDays: p.severeDays,
      updates: p.updates,
      cherryPicks: p.cherryPicks,
      finalVersion: p.finalVersion,
      openAtEnd: p.openAtEnd,
      publicWithoutBranchFixAtEnd: p.publicWithoutBranchFixAtEnd,
      stableCommits: p.stableCommits,
      openByDay: p.openByDay,
    })),
    stableCommits: report.stableCommits,
    notes: report.notes,
    snapshot: report.snapshot,
  };
  return `${JSON.stringify(doc, null, 2).replace(/\[\n\s+(\d[\d,\s]*)\n\s+\]/g, (_m, nums: string) => `[${nums.replace(/\s+/g, ' ')}]`)}\n`;
}
