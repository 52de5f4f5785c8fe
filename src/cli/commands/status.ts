import { release, tmpdir } from 'node:os';
import type { Command } from 'commander';
import { parseFailOn } from '../../analysis/exposure/fail-on.js';
import type { StatusTarget } from '../../app/status/run-status.js';
import { UserError } from '../../domain/invalid-input.js';
import { STATUS_FORMATS, type StatusFormat, statusFormats } from '../../formats/status/index.js';
import { renderStatusMarkdown } from '../../formats/status/render-status-markdown.js';
import { systemRootsFrom } from '../../sources/system/find-running-config.js';
import type { CommandSpec } from '../command.js';
import { dataOptionsFrom, endProgress, withDataFlags, writeNotes } from '../data-flags.js';
import { EXIT } from '../errors.js';
import { choiceOption } from '../options.js';
import { appendStepSummary, checkOutputDir, deliverReport, OUTPUT_FLAG, sourceDateEpochFrom } from '../output.js';
import { parseNumberOption } from '../parse-options.js';

type StatusFlags = {
  version?: string;
  running?: boolean;
  format: StatusFormat;
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
  buildDir?: string;
  onlyBuilt?: boolean;
  output?: string;
};

/** Which kernel the flags name; a usage error when they name none or several. */
function targetOf(flags: StatusFlags): StatusTarget {
  const given = [flags.version !== undefined, flags.running === true, flags.tree !== undefined].filter(Boolean);
  if (given.length > 1) throw new UserError('give one of --version, --running or --tree');
  if (
    flags.tree === undefined &&
    (flags.explain !== undefined || flags.upstreamRef !== undefined || flags.rev !== 'HEAD')
  )
    throw new UserError('--explain, --rev and --upstream-ref need --tree PATH (a kernel git tree)');
  if (flags.tree !== undefined)
    return { kind: 'tree', path: flags.tree, rev: flags.rev, upstreamRef: flags.upstreamRef ?? null };
  if (flags.version !== undefined) return { kind: 'version', version: flags.version };
  if (flags.running) return { kind: 'running', roots: systemRootsFrom(process.env), unameRelease: release() };
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
        .addOption(choiceOption('--format <format>', 'output format', STATUS_FORMATS, 'table'))
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
        .option(
          '--build-dir <dir|tarball>',
          'the directory a real build ran in (its .cmd files, modules.order): decides what is built; its .config is the default --config',
        )
        .option('--only-built', 'with --config: list only CVEs in code the config builds')
        .option(...OUTPUT_FLAG),
    ).action((flags: StatusFlags) =>
      run(async () => {
        const minCvss = parseNumberOption('--min-cvss', flags.minCvss, { min: 0, max: 10 });
        const limit = parseNumberOption('--limit', flags.limit, { min: 0, integer: true });
        const failOn = flags.failOn === undefined ? null : parseFailOn(flags.failOn);
        if (flags.failOn !== undefined && failOn === null) {
          throw new UserError(
            `--fail-on takes a count (e.g. 1) or a severity (low|medium|high|critical), not "${flags.failOn}"`,
          );
        }
        if (flags.config === undefined && flags.buildDir === undefined && !flags.running) {
          for (const [flag, given] of [
            ['--only-built', flags.onlyBuilt],
            ['--source', flags.source],
            ['--built-files', flags.builtFiles],
          ] as const) {
            if (given !== undefined && given !== false)
              throw new UserError(`${flag} needs --config FILE (the product .config)`);
          }
        }
        const sourceDateEpoch = sourceDateEpochFrom(process.env);
        await checkOutputDir(flags.output);
        const target = targetOf(flags);
        const data = dataOptionsFrom(flags);
        if (target.kind === 'tree' && flags.explain !== undefined) {
          const { runTreeExplain } = await import('../../app/status/run-tree-explain.js');
          const { renderTreeExplain } = await import('../../formats/tree/render-tree-explain.js');
          const outcome = await runTreeExplain({ tree: target, cveId: flags.explain, data });
          endProgress();
          writeNotes({ warnings: outcome.warnings });
          const stdout = renderTreeExplain(outcome.verdict, outcome.tree, flags.format === 'json' ? 'json' : 'text');
          return deliverReport(stdout, flags.output, EXIT.ok);
        }
        const { runStatus } = await import('../../app/status/run-status.js');
        const outcome = await runStatus({
          target,
          data,
          build:
            flags.config === undefined && flags.buildDir === undefined && !flags.running
              ? null
              : {
                  config: flags.config ?? null,
                  source: flags.source ?? null,
                  builtFiles: flags.builtFiles,
                  buildDir: flags.buildDir,
                },
          minCvss,
          limit,
          onlyBuilt: flags.onlyBuilt === true,
          failOn,
          tmpDir: tmpdir(),
        });
        endProgress();
        writeNotes(outcome);
        const options = { sourceDateEpoch, configPath: outcome.config };
        const text = await statusFormats[flags.format](outcome.view, options);
        if (flags.format === 'github') await appendStepSummary(renderStatusMarkdown(outcome.view), process.env);
        return deliverReport(text, flags.output, outcome.thresholdMet ? EXIT.threshold : EXIT.ok);
      }),
    );
  },
};
