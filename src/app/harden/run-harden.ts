/**
 * The hardening use-case (`kgap harden`): one or more kernels' configs (or the running machine) against the
 * checklist, with the policy applied; or one config against a candidate. Reads through `sources/`, decides with
 * `analysis/hardening/`. Never prints: a problem that does not stop the run is returned in `warnings`.
 */
import { type AssessOptions, assessHardening } from '../../analysis/hardening/assess-hardening.js';
import { hardeningChecks } from '../../analysis/hardening/checks/index.js';
import { compareHardening, type HardeningDiff } from '../../analysis/hardening/compare-hardening.js';
import type { HardeningInputs } from '../../analysis/hardening/evaluate-condition.js';
import type { HardeningReport } from '../../analysis/hardening/hardening-report.js';
import { kernelFactsOf } from '../../analysis/hardening/kernel-facts.js';
import { selectChecks, waiversOf } from '../../analysis/hardening/policy.js';
import { type ReleaseIndex, releaseIndexOf } from '../../analysis/hardening/release-index.js';
import { isBlockingFailure } from '../../analysis/hardening/score-hardening.js';
import { requireDay } from '../../domain/day.js';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import type { KernelConfig } from '../../domain/kernel-config.js';
import { isUrl } from '../../sources/data/data-options.js';
import {
  expandConfigPaths,
  readCmdline,
  readRunningInputs,
  readSysctl,
} from '../../sources/hardening/read-hardening-inputs.js';
import { decodeKernelConfig, readConfigBytes, readKernelConfig } from '../../sources/read-kernel-config.js';
import { readReleases } from '../../sources/releases/read-releases.js';
import { type HardenInput, parseOverrides, readCheckedPolicy } from './harden-input.js';

export type { HardenInput } from './harden-input.js';

/** One report per kernel, or the comparison with a candidate; `blocking` is true when a check fails unwaived. */
export type HardenReport = { readonly warnings: readonly string[] } & (
  | { readonly kind: 'reports'; readonly reports: readonly HardeningReport[]; readonly blocking: boolean }
  | {
      readonly kind: 'diff';
      readonly diff: HardeningDiff;
      readonly from: HardeningReport;
      readonly to: HardeningReport;
    }
);

/**
 * Release data bounds the upgrade gain and dates it. A local file that cannot be read is the user's to fix; a
 * download that fails (offline, no cached copy) only loses that bound, so the run goes on with a warning.
 */
async function readReleaseIndex(releases: HardenInput['releases'], warnings: string[]): Promise<ReleaseIndex | null> {
  if (releases === null) return null;
  try {
    return releaseIndexOf(await readReleases(releases.location, releases.cacheDir));
  } catch (error) {
    if (!(error instanceof UserError) || !isUrl(releases.location)) throw error;
    warnings.push(`${error.message}; the upgrade gain has no upper limit`);
    return null;
  }
}

/** Checks the kernel(s) and reports. Bad input is an `InvalidInput` naming the field. */
export async function runHarden(input: HardenInput): Promise<HardenReport> {
  const asOf = requireDay('asOf', input.asOf);
  const overrides = parseOverrides(input);
  const policy = input.policy === undefined ? null : await readCheckedPolicy(input.policy);
  const warnings: string[] = [];
  const base: Omit<AssessOptions, 'inputs' | 'facts' | 'source'> = {
    checks: selectChecks(hardeningChecks, policy),
    releases: await readReleaseIndex(input.releases, warnings),
    waivers: waiversOf(policy),
    asOf,
  };
  const cmdline = input.cmdline === undefined ? null : await readCmdline(input.cmdline);
  const sysctl = input.sysctl === undefined ? null : await readSysctl(input.sysctl);
  const assess = (config: KernelConfig, inputs: Omit<HardeningInputs, 'config'>) =>
    assessHardening({
      ...base,
      inputs: { config, ...inputs },
      facts: kernelFactsOf(config, overrides),
      source: config.source,
      files: { cmdline: input.cmdline ?? null, sysctl: input.sysctl ?? null },
    });

  let reports: HardeningReport[];
  if ('running' in input.kernel) {
    const sysctlKeys = hardeningChecks.filter((c) => c.type === 'sysctl').map((c) => c.option);
    const live = await readRunningInputs({ ...input.kernel.running, sysctlKeys });
    reports = [assess(live.config, { cmdline: cmdline ?? live.cmdline, sysctl: sysctl ?? live.sysctl })];
  } else {
    const paths = await expandConfigPaths(input.kernel.configs);
    if (paths.length === 0) throw new InvalidInput('configs', 'is empty: give kernel config files or directories');
    // Read the bytes concurrently (I/O overlaps), then parse and assess one at a time so that each parsed
    // config can be collected before the next: the corpus is 58 configs of ~9,000 symbols each.
    const files = await Promise.all(paths.map(async (p) => ({ path: p, bytes: await readConfigBytes(p) })));
    reports = files.map((f) => assess(decodeKernelConfig(f.bytes, f.path), { cmdline, sysctl }));
  }
  if (input.against !== undefined) {
    const from = reports[0];
    if (from === undefined || reports.length > 1) {
      throw new InvalidInput('against', `compares one config with one candidate, not ${reports.length} configs`);
    }
    const to = assess(await readKernelConfig(input.against), { cmdline, sysctl });
    return { kind: 'diff', diff: compareHardening(from, to), from, to, warnings };
  }
  const blocking = reports.some((r) => r.checks.some(isBlockingFailure));
  return { kind: 'reports', reports, blocking, warnings };
}
