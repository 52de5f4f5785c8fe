import type { Command } from 'commander';
import { assessExposure } from '../../analysis/exposure/assess-exposure.js';
import { isFailOnMet, parseFailOn } from '../../analysis/exposure/fail-on.js';
import { planStatusView } from '../../analysis/exposure/plan-status-view.js';
import { detectRunningVersion, parseUpstreamVersion } from '../../domain/distro-version.js';
import type { KernelVersion } from '../../domain/kernel-version.js';
import { UserError } from '../../domain/user-error.js';
import { STATUS_FORMATS, type StatusFormat, statusFormats } from '../../formats/status/index.js';
import { renderTreeExplain } from '../../formats/tree/render-tree-explain.js';
import { readReleases } from '../../sources/releases/read-releases.js';
import { readRunningKernelFacts } from '../../sources/system/read-running-kernel.js';
import { readTreeExposure } from '../../sources/tree/read-tree-exposure.js';
import { readIndex } from '../../sources/vulns/read-index.js';
import type { CommandSpec } from '../command.js';
import { dataOptionsFrom, endProgress, withDataFlags } from '../data-flags.js';
import { EXIT } from '../errors.js';
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
        .option('--explain <cve-id>', 'with --tree: the evidence behind one CVE verdict'),
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
        if (opts.tree !== undefined) {
          // Tree mode (docs/semantics.md "Tree mode"): the logic is in readTreeExposure / assessTree.
          if (opts.version || opts.running) throw new UserError('give --tree or --version/--running, not both');
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
            return {
              stdout: renderTreeExplain(verdict, tree.report.tree, format === 'json' ? 'json' : 'text'),
              exitCode: EXIT.ok,
            };
          }
          const view = planStatusView(tree.report, { minCvss, limit });
          const met = failOn !== null && isFailOnMet(failOn, view.matched);
          return { stdout: statusFormats[format](view), exitCode: met ? EXIT.threshold : EXIT.ok };
        }
        if (opts.explain !== undefined) throw new UserError('--explain needs --tree PATH (a kernel git tree)');
        const { version, note } = await resolveVersion(opts);
        const data = dataOptionsFrom(opts);
        const [index, releases] = await Promise.all([readIndex(data), readReleases(data.releases, data.cacheDir)]);
        endProgress();
        if (index.problems.length)
          process.stderr.write(
            `kgap: warning: ${index.problems.length} CVE records could not be read (kgap sync lists them)\n`,
          );
        if (note) process.stderr.write(`kgap: ${note}\n`);
        const report = assessExposure(index, releases, version);
        const view = planStatusView(report, { minCvss, limit });
        const met = failOn !== null && isFailOnMet(failOn, view.matched);
        return { stdout: statusFormats[format](view), exitCode: met ? EXIT.threshold : EXIT.ok };
      }),
    );
  },
};
