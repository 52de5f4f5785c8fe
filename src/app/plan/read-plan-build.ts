import { compareHardening } from '../../analysis/hardening/compare-hardening.js';
import type { HardeningReport } from '../../analysis/hardening/hardening-report.js';
import type { PlanHardening } from '../../analysis/plan/plan-report.js';
import type { Relevance } from '../../analysis/relevance/assess-relevance.js';
import { compareVersionText, formatKernelVersion, type KernelVersion } from '../../domain/kernel-version.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { runHarden } from '../harden/run-harden.js';
import { readRelevanceContext } from '../relevance/read-relevance-context.js';

/** The product build a plan judges relevance and hardening with. */
export type PlanBuild = {
  readonly config: string;
  /** The source tree the config builds (directory or tarball); null: the tree's directory. */
  readonly source: string | null;
  readonly builtFiles?: string | undefined;
  /** Or the build directory Kbuild built in: its `.*.cmd` files say what is compiled (a fleet product's). */
  readonly buildDir?: string | undefined;
};

/**
 * With a config: the relevance judge (the config against the source's Kbuild, the tree's directory by default) and
 * the hardening side of the plan; with none, neither.
 */
export async function readPlanBuild(o: {
  readonly build: PlanBuild | null;
  readonly tree: string;
  readonly base: KernelVersion;
  readonly target: KernelVersion;
  readonly data: DataOptions;
  readonly tmpDir: string;
  readonly asOf: string;
}): Promise<{
  judge: ((files: readonly string[]) => Relevance) | null;
  hardening: PlanHardening | null;
  warnings: string[];
}> {
  if (o.build === null) return { judge: null, hardening: null, warnings: [] };
  const context = await readRelevanceContext({
    config: o.build.config,
    source: o.build.source ?? o.tree,
    builtFiles: o.build.builtFiles,
    buildDir: o.build.buildDir,
    cacheDir: o.data.cacheDir,
    tmpDir: o.tmpDir,
    progress: o.data.progress,
  });
  const h = await readPlanHardening({ ...o, config: o.build.config });
  return { judge: context.judge, hardening: h.hardening, warnings: [...context.warnings, ...h.warnings] };
}

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
