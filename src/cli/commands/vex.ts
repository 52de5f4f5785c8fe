import type { Command } from 'commander';
import { VEX_DIFF_FORMATS, type VexDiffFormat, vexDiffFormats } from '../../formats/vex-diff/index.js';
import type { CommandSpec } from '../command.js';
import { writeNotes } from '../data-flags.js';
import { EXIT } from '../errors.js';
import { choiceOption } from '../options.js';
import { checkOutputDir, deliverReport, OUTPUT_FLAG } from '../output.js';

const FAIL_ON = ['none', 'newly-affected'] as const;

type VexDiffFlags = { format: VexDiffFormat; failOn: (typeof FAIL_ON)[number]; output?: string };

/** `kgap vex diff OLD NEW`: what changed between two VEX publications (OpenVEX, CycloneDX or CSAF). */
export const vexCommand: CommandSpec = {
  name: 'vex',
  register(program: Command, run) {
    const vex = program.command('vex').description('work with VEX documents (OpenVEX, CycloneDX, CSAF)');
    vex
      .command('diff')
      .description('what changed between two VEX publications: newly affected, newly fixed, justification changed')
      .argument('<old>', 'the earlier document (OpenVEX, CycloneDX or CSAF JSON)')
      .argument('<new>', 'the later document (any of the three formats)')
      .addOption(choiceOption('--format <format>', 'output format', VEX_DIFF_FORMATS, 'table'))
      .addOption(choiceOption('--fail-on <change>', 'exit 1 when a CVE is newly affected', FAIL_ON, 'none'))
      .option(...OUTPUT_FLAG)
      .action((oldPath: string, newPath: string, flags: VexDiffFlags) =>
        run(async () => {
          const { runVexDiff } = await import('../../app/vex/run-vex-diff.js');
          await checkOutputDir(flags.output);
          const report = await runVexDiff({ old: oldPath, new: newPath });
          writeNotes(report);
          const gate = flags.failOn === 'newly-affected' && report.diff.counts['newly-affected'] > 0;
          return deliverReport(vexDiffFormats[flags.format](report), flags.output, gate ? EXIT.threshold : EXIT.ok);
        }),
      );
  },
};
