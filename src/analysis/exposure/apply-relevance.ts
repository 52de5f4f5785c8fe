import type { Relevance } from '../relevance/assess-relevance.js';
import type { ExposureReport } from './assess-exposure.js';

/**
 * Adds, to every finding, whether the product builds the code its fix touched, and splits the summary's
 * "affected" into built / not built / unknown. `judge` is the relevance engine bound to one (source, config).
 * Findings stay affected either way: relevance is evidence for triage and VEX, not a verdict change.
 */
export function applyRelevance(
  report: ExposureReport,
  judge: (programFiles: readonly string[]) => Relevance,
): ExposureReport {
  const counts = { built: 0, notBuilt: 0, unknown: 0 };
  const affected = report.affected.map((f) => {
    const relevance = judge(f.programFiles);
    if (relevance.status === 'built') counts.built++;
    else if (relevance.status === 'not-built') counts.notBuilt++;
    else counts.unknown++;
    return { ...f, relevance };
  });
  return { ...report, affected, summary: { ...report.summary, relevance: counts } };
}
