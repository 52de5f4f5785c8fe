import { compareHardening } from '../../analysis/hardening/compare-hardening.js';
import type { HardeningReport } from '../../analysis/hardening/hardening-report.js';
import type { PlanHardening } from '../../analysis/plan/plan-report.js';
import { compareVersionText, formatKernelVersion, type KernelVersion } from '../../domain/kernel-version.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { runHarden } from '../harden/run-harden.js';

/**
 * The hardening side of a plan (the existing harden use-case, twice): the product config assessed as the base
 * release and as the target, the checks whose status changes, and the upgrade gain split at the target: defences the
 * target brings, and those that need a newer branch.
 */
export async function readPlanHardening(o: {
  readonly config: string;
  readonly base: KernelVersion;
  readonly target: KernelVersion;
  readonly data: DataOptions;
  readonly asOf: string;
}): Promise<{ hardening: PlanHardening; warnings: readonly string[] }> {
  const assess = async (version: KernelVersion): Promise<{ report: HardeningReport; warnings: readonly string[] }> => {
    const out = await runHarden({
      kernel: { configs: [o.config] },
      kernelVersion: formatKernelVersion(version),
      releases: { location: o.data.releases, cacheDir: o.data.cacheDir },
      asOf: o.asOf,
    });
    if (out.kind !== 'reports' || !out.reports[0]) throw new Error('harden returned no report for one config');
    return { report: out.reports[0], warnings: out.warnings };
  };
  const [from, to] = await Promise.all([assess(o.base), assess(o.target)]);
  const target = formatKernelVersion(o.target);
  const gain = from.report.upgradeGain;
  return {
    hardening: {
      config: o.config,
      changes: compareHardening(from.report, to.report).changes,
      gained: gain.filter((g) => compareVersionText(g.since, target) <= 0),
      laterGain: gain.filter((g) => compareVersionText(g.since, target) > 0),
    },
    warnings: [...new Set([...from.warnings, ...to.warnings])],
  };
}
