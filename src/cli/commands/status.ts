import type { Command } from 'commander';
import { applyRelevance } from '../../analysis/exposure/apply-relevance.js';
import { assessExposureOnBranch } from '../../analysis/exposure/assess-branch-exposure.js';
import { assessExposure, type ExposureReport, type Finding } from '../../analysis/exposure/assess-exposure.js';
import { type FailOn, isFailOnMet, parseFailOn } from '../../analysis/exposure/fail-on.js';
import { planStatusView } from '../../analysis/exposure/plan-status-view.js';
import { detectRunningVersion, parseUpstreamVersion } from '../../domain/distro-version.js';
import { branchOf, type KernelVersion } from '../../domain/kernel-version.js';
import type { ReleaseTable } from '../../domain/release.js';
import { UserError } from '../../domain/user-error.js';
import { STATUS_FORMATS, type StatusFormat, statusFormats } from '../../formats/status/index.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { readReleases } from '../../sources/releases/read-releases.js';
import { readRunningKernelFacts } from '../../sources/system/read-running-kernel.js';
import { readBranchView } from '../../sources/vulns/read-branch-view.js';
import { readIndex } from '../../sources/vulns/read-index.js';
import type { CommandSpec } from '../command.js';
import { dataOptionsFrom, endProgress, stderrProgress, withDataFlags } from '../data-flags.js';
import { type CommandResult, EXIT } from '../errors.js';
import { parseChoice, parseNumberOption } from '../parse-options.js';

type StatusOptions = {
  version?: string;
  running?: boolean;
  format: string;
  minCvss?: string;
  limit?: string;
  failOn?: string;
  vulnsRepo?: string;
  releases?: string;
  cacheDir?: string;
  tree?: string;
  rev: string;
  upstreamRef?: string;
  explain?: string;
  config?: string;
  source?: string;
  builtFiles?: string;
  onlyBuilt?: boolean;
};

async function resolveVersion(opts: StatusOptions): Promise<{ version: KernelVersion; note: string | null }> {
  if (opts.version && opts.running) throw new UserError('give either --version or --running, not both');
  if (opts.version) {
    const r = parseUpstreamVersion(opts.version);
    if (!r.ok) throw new UserError(r.reason);
    return { version: r.version, note: r.source === 'exact' ? null : `read upstream version from ${r.source}` };
  }
  if (opts.running) {
    const r = detectRunningVersion(await readRunningKernelFacts());
    if (!r.ok) throw new UserError(r.reason);
    return { version: r.version, note: `running kernel, upstream version from ${r.source}` };
  }
  throw new UserError('say which kernel: --version X.Y.Z or --running, or --tree PATH (see kgap status --help)');
}

/** `kgap status`: which published CVEs a kernel carries and how far behind its branch it is. */
export const statusCommand: CommandSpec = {
  name: 'status',
  register(program: Command, run) {
    withDataFlags(
      program
        .command('status')
        .description('CVEs a kernel version carries, and how far behind its stable branch it is')
        .option('--version <version>', 'upstream kernel version, e.g. 6.1.170 (distro strings like 6.1.170-3 work)')
        .option('--running', 'the kernel this machine runs (/proc/version, /proc/version_signature)')
        .option('--format <format>', `output: ${STATUS_FORMATS.join('|')}`, 'table')
        .option('--min-cvss <score>', 'list only CVEs with a CVSS score at or above this')
        .option('--limit <n>', 'list at most n CVEs')
        .option('--fail-on <count|severity>', 'exit 1 when at least COUNT CVEs are listed, or any at SEVERITY or above')
        .option('--tree <path>', 'a product kernel git tree: verdicts from its history, backport-aware')
        .option('--rev <rev>', 'with --tree: the revision to assess', 'HEAD')
        .option('--upstream-ref <ref>', 'with --tree: upstream the vendor delta is counted against (default: base tag)')
        .option('--explain <cve-id>', 'with --tree: the evidence behind one CVE verdict')
        .option('--config <file>', 'the product .config (plain or gzip): split findings by whether the code is built')
        .option(
          '--source <dir|tarball>',
          'with --config: the kernel source tree it builds (default with --tree: the tree)',
        )
        .option(
          '--built-files <file>',
          "with --config: the build's compiled files (.o/.c, one a line); overrides Kbuild",
        )
        .option('--only-built', 'with --config: list only CVEs in code the config builds'),
    ).action((opts: StatusOptions) =>
      run(async () => {
        const format = parseChoice<StatusFormat>('--format', opts.format, STATUS_FORMATS);
        const minCvss = parseNumberOption('--min-cvss', opts.minCvss, { min: 0, max: 10 });
        const limit = parseNumberOption('--limit', opts.limit, { min: 0, integer: true });
        const failOn = opts.failOn === undefined ? null : parseFailOn(opts.failOn);
        if (opts.failOn !== undefined && failOn === null) {
          throw new UserError(
            `--fail-on takes a count (e.g. 1) or a severity (low|medium|high|critical), not "${opts.failOn}"`,
          );
        }
        if (opts.config === undefined && !opts.running) {
          for (const [flag, given] of [
            ['--only-built', opts.onlyBuilt],
            ['--source', opts.source],
            ['--built-files', opts.builtFiles],
          ] as const) {
            if (given !== undefined && given !== false)
              throw new UserError(`${flag} needs --config FILE (the product .config)`);
          }
        }
        if (opts.tree !== undefined) {
          // Tree mode (docs/semantics.md "Tree mode"): the logic is in readTreeExposure / assessTree.
          if (opts.version || opts.running) throw new UserError('give --tree or --version/--running, not both');
          // Tree and relevance code load only when used: a plain version query stays fast (docs/performance.md).
          const { readTreeExposure } = await import('../../sources/tree/read-tree-exposure.js');
          const tree = await readTreeExposure({
            path: opts.tree,
            rev: opts.rev,
            upstreamRef: opts.upstreamRef ?? null,
            data: dataOptionsFrom(opts),
          });
          endProgress();
          if (tree.scan.shallow) process.stderr.write('kgap: warning: shallow clone; ancestry is incomplete\n');
          if (opts.explain !== undefined) {
            const verdict = tree.verdicts.get(opts.explain.trim().toUpperCase());
            if (!verdict || !tree.report.tree) throw new UserError(`--explain ${opts.explain}: no such published CVE`);
            const { renderTreeExplain } = await import('../../formats/tree/render-tree-explain.js');
            return {
              stdout: renderTreeExplain(verdict, tree.report.tree, format === 'json' ? 'json' : 'text'),
              exitCode: EXIT.ok,
            };
          }
          const report = await withRelevance(
            tree.report,
            opts,
            opts.source ?? opts.tree,
            dataOptionsFrom(opts).cacheDir,
          );
          return finish(report, { format, minCvss, limit, failOn, onlyBuilt: opts.onlyBuilt === true });
        }
        if (opts.explain !== undefined || opts.upstreamRef !== undefined || opts.rev !== 'HEAD') {
          throw new UserError('--explain, --rev and --upstream-ref need --tree PATH (a kernel git tree)');
        }
        const { version, note } = await resolveVersion(opts);
        const data = dataOptionsFrom(opts);
        const releases = await readReleases(data.releases, data.cacheDir, false, { branch: branchOf(version) });
        if (version.rc === null && (releases.byBranch.get(branchOf(version)) ?? []).length === 0) {
          throw new UserError(
            `unknown kernel version ${opts.version ?? branchOf(version)}: the release data has no ${branchOf(version)} release (newest data ${releases.newestDate ?? 'unknown'}); check the version, or pass --releases with newer data`,
          );
        }
        const exposure = await exposureFor(data, version);
        endProgress();
        const problems = exposure.recordProblems;
        if (problems)
          process.stderr.write(`kgap: warning: ${problems} CVE records could not be read (kgap sync lists them)\n`);
        if (note) process.stderr.write(`kgap: ${note}\n`);
        if (opts.running && opts.config === undefined) {
          const { findRunningConfig } = await import('../../sources/kbuild/read-relevance-context.js');
          const found = await findRunningConfig();
          if (found) {
            process.stderr.write(`kgap: using the running kernel's config ${found}\n`);
            opts.config = found;
          }
        }
        const report = await withRelevance(exposure.assess(releases), opts, opts.source ?? null, data.cacheDir);
        return finish(report, { format, minCvss, limit, failOn, onlyBuilt: opts.onlyBuilt === true });
      }),
    );
  },
};

/** With --config, adds relevance (built / not built / unknown) to every finding; warnings go to stderr. */
async function withRelevance(
  report: ExposureReport,
  opts: StatusOptions,
  source: string | null,
  cacheDir: string,
): Promise<ExposureReport> {
  if (opts.config === undefined) {
    if (opts.onlyBuilt)
      throw new UserError('--only-built needs --config FILE (no config of the running kernel was found)');
    return report;
  }
  const { readRelevanceContext } = await import('../../sources/kbuild/read-relevance-context.js');
  const context = await readRelevanceContext({
    config: opts.config,
    source,
    builtFiles: opts.builtFiles,
    cacheDir,
    progress: stderrProgress(),
  });
  endProgress();
  for (const w of context.warnings) process.stderr.write(`kgap: warning: ${w}\n`);
  return applyRelevance(report, context.judge);
}

type FinishOptions = {
  readonly format: StatusFormat;
  readonly minCvss: number | undefined;
  readonly limit: number | undefined;
  readonly failOn: FailOn | null;
  readonly onlyBuilt: boolean;
};

/** Filters, renders and decides the exit code: the same for version, running and tree mode. */
function finish(report: ExposureReport, o: FinishOptions): CommandResult {
  const extraFilters = o.onlyBuilt
    ? [{ label: 'only code the config builds', keep: (f: Finding) => f.relevance?.status === 'built' }]
    : [];
  const view = planStatusView(report, { minCvss: o.minCvss, limit: o.limit, extraFilters });
  const met = o.failOn !== null && isFailOnMet(o.failOn, view.matched);
  return { stdout: statusFormats[o.format](view), exitCode: met ? EXIT.threshold : EXIT.ok };
}

/**
 * The exposure of a release comes from its branch's cached verdicts (fast: no per-record evaluation on a warm
 * cache); an rc, which sits between releases, is assessed over the whole index.
 */
async function exposureFor(data: DataOptions, version: KernelVersion) {
  if (version.rc === null) {
    const view = await readBranchView(data, version);
    return {
      recordProblems: view.totals.recordProblems,
      assess: (releases: ReleaseTable) => assessExposureOnBranch(view, releases, version),
    };
  }
  const index = await readIndex(data);
  return {
    recordProblems: index.problems.length,
    assess: (releases: ReleaseTable) => assessExposure(index, releases, version),
  };
}
