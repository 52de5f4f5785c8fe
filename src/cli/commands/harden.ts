import { join } from 'node:path';
import { Option } from 'commander';
import { type AssessOptions, assessHardening } from '../../analysis/hardening/assess-hardening.js';
import { ARCHES, type Arch } from '../../analysis/hardening/check.js';
import { hardeningChecks } from '../../analysis/hardening/checks/index.js';
import { compareHardening } from '../../analysis/hardening/compare-hardening.js';
import type { HardeningInputs } from '../../analysis/hardening/evaluate-condition.js';
import type { HardeningReport } from '../../analysis/hardening/hardening-report.js';
import { kernelFactsOf, normalizeArch } from '../../analysis/hardening/kernel-facts.js';
import { selectChecks, waiversOf } from '../../analysis/hardening/policy.js';
import { isBlockingFailure } from '../../analysis/hardening/score-hardening.js';
import type { KernelConfig } from '../../domain/kernel-config.js';
import { parseKernelVersion } from '../../domain/kernel-version.js';
import { UserError } from '../../domain/user-error.js';
import { SHOW_MODES, type ShowMode } from '../../formats/hardening/hardening-view.js';
import { HARDENING_FORMATS, type HardeningFormat, hardeningFormats } from '../../formats/hardening/index.js';
import { sharedDataDir } from '../../sources/data/data-options.js';
import { expandConfigPaths, readCmdline, readRunningInputs, readSysctl } from '../../sources/read-hardening-inputs.js';
import { readHardeningPolicy } from '../../sources/read-hardening-policy.js';
import { readHardeningReleases, resolveReleasesPath } from '../../sources/read-hardening-releases.js';
import { decodeKernelConfig, readConfigBytes, readKernelConfig } from '../../sources/read-kernel-config.js';
import type { CommandSpec } from '../command.js';
import { EXIT } from '../errors.js';

type HardenFlags = {
  config?: string[];
  cmdline?: string;
  sysctl?: string;
  running?: boolean;
  arch?: string;
  kernelVersion?: string;
  against?: string;
  policy?: string;
  failOn: 'none' | 'fail' | 'regress';
  format: HardeningFormat;
  show?: ShowMode;
  releases?: string;
  asOf?: string;
  listChecks?: boolean;
};

function parseOverrides(flags: HardenFlags): {
  arch?: Arch;
  version?: NonNullable<ReturnType<typeof parseKernelVersion>>;
} {
  const out: { arch?: Arch; version?: NonNullable<ReturnType<typeof parseKernelVersion>> } = {};
  if (flags.arch !== undefined) {
    const arch = normalizeArch(flags.arch);
    if (!arch) throw new UserError(`unknown architecture "${flags.arch}"; --arch takes one of ${ARCHES.join(', ')}`);
    out.arch = arch;
  }
  if (flags.kernelVersion !== undefined) {
    const v = parseKernelVersion(flags.kernelVersion);
    if (!v)
      throw new UserError(`--kernel-version "${flags.kernelVersion}" is not a kernel version (e.g. 6.1 or 6.1.170)`);
    out.version = v;
  }
  return out;
}

function todayUtc(asOf: string | undefined): string {
  if (asOf === undefined) return new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UserError(`--as-of "${asOf}" is not a date YYYY-MM-DD`);
  return asOf;
}

/** `kgap harden`: the kernel's hardening posture, its gaps, and what a newer kernel would add. */
export const hardenCommand: CommandSpec = {
  name: 'harden',
  register(program, run) {
    program
      .command('harden')
      .description(
        'check a kernel config (+ cmdline, sysctl) against the hardening checklist; exit 1 with --fail-on when the gate is met',
      )
      .option('--config <paths...>', 'kernel .config or config.gz files, or directories of them')
      .option('--cmdline <file>', 'saved /proc/cmdline of the product')
      .option('--sysctl <file>', 'saved `sysctl -a` output of the product')
      .option('--running', 'check this machine: its config, /proc/cmdline and sysctls')
      .option('--arch <arch>', `override the architecture (${ARCHES.join(', ')})`)
      .option('--kernel-version <version>', 'override the kernel version from the config header')
      .option('--against <config>', 'candidate config: report what it gains and loses against --config')
      .option('--policy <file>', 'kgap-policy.json: profiles, sources, waivers, overrides')
      .addOption(
        new Option('--fail-on <gate>', 'exit 1 on a failing check or a regression')
          .choices(['none', 'fail', 'regress'])
          .default('none'),
      )
      .addOption(new Option('--format <format>', 'stdout format').choices(HARDENING_FORMATS).default('table'))
      .addOption(
        new Option('--show <which>', 'checks to list (default: fail for table/markdown, all for json)').choices(
          SHOW_MODES,
        ),
      )
      .option('--releases <path>', 'release dates JSON (default $KGAP_RELEASES, else ../shared/data)')
      .option('--as-of <date>', 'today, for waiver expiry (default: the current UTC date)')
      .option('--list-checks', 'print every check id and exit')
      .action((flags: HardenFlags) => run(() => harden(flags)));
  },
};

async function harden(flags: HardenFlags) {
  if (flags.listChecks)
    return { stdout: `${hardeningChecks.map((c) => `${c.id}\t${c.type}`).join('\n')}\n`, exitCode: EXIT.ok };
  const overrides = parseOverrides(flags);
  const asOf = todayUtc(flags.asOf);
  if (!flags.running && !flags.config?.length) throw new UserError('pass --config PATH (or a directory), or --running');
  if (flags.failOn === 'regress' && !flags.against)
    throw new UserError('--fail-on regress needs --against CANDIDATE_CONFIG');
  const policy = flags.policy ? await readHardeningPolicy(flags.policy, hardeningChecks) : null;
  const checks = selectChecks(hardeningChecks, policy);
  const shared = sharedDataDir(process.env);
  const releasesPath = resolveReleasesPath({
    flag: flags.releases,
    env: process.env,
    defaultPath: shared ? join(shared, 'linux-kernel-releases.json') : '',
  });
  const releases = releasesPath ? await readHardeningReleases(releasesPath) : null;
  const cmdline = flags.cmdline ? await readCmdline(flags.cmdline) : null;
  const sysctl = flags.sysctl ? await readSysctl(flags.sysctl) : null;
  const base: Omit<AssessOptions, 'inputs' | 'facts' | 'source'> = {
    checks,
    releases,
    waivers: waiversOf(policy),
    asOf,
  };
  const assess = (config: KernelConfig, inputs: Omit<HardeningInputs, 'config'>) =>
    assessHardening({
      ...base,
      inputs: { config, ...inputs },
      facts: kernelFactsOf(config, overrides),
      source: config.source,
    });

  let reports: HardeningReport[];
  if (flags.running) {
    const sysctlKeys = hardeningChecks.filter((c) => c.type === 'sysctl').map((c) => c.option);
    const live = await readRunningInputs({ procDir: '/proc', bootDir: '/boot', sysctlKeys });
    reports = [assess(live.config, { cmdline: cmdline ?? live.cmdline, sysctl: sysctl ?? live.sysctl })];
  } else {
    const paths = await expandConfigPaths(flags.config ?? []);
    // Read the bytes concurrently (I/O overlaps), then parse and assess one at a time so that each parsed
    // config can be collected before the next: the corpus is 58 configs of ~9,000 symbols each.
    const files = await Promise.all(paths.map(async (p) => ({ path: p, bytes: await readConfigBytes(p) })));
    reports = files.map((f) => assess(decodeKernelConfig(f.bytes, f.path), { cmdline, sysctl }));
  }
  const format = hardeningFormats[flags.format];
  if (flags.against) {
    const from = reports[0];
    if (!from || reports.length > 1) throw new UserError('--against compares one --config with one candidate config');
    const to = assess(await readKernelConfig(flags.against), { cmdline, sysctl });
    const diff = compareHardening(from, to);
    const gate = flags.failOn === 'regress' && diff.counts.regress > 0;
    return { stdout: format.diff(diff, from, to), exitCode: gate ? EXIT.threshold : EXIT.ok };
  }
  const show = flags.show ?? (flags.format === 'json' ? 'all' : 'fail');
  const gate = flags.failOn === 'fail' && reports.some((r) => r.checks.some(isBlockingFailure));
  return { stdout: format.report(reports, show), exitCode: gate ? EXIT.threshold : EXIT.ok };
}
