/**
 * The product's own command (`--run`) as the host sees it: the guest prints a start marker before running it and
 * its output between markers afterwards (`init-script.ts`). Its output is read as test results by the parser
 * the caller passes in (the gate's, so the same formats count), and the command becomes one test of its own.
 */
import { type CheckResult, ktapSafe } from '../../domain/boot-check.js';
import type { BootRunCommand } from '../../domain/boot-run.js';
import type { ResultRun } from '../../domain/test-result.js';
import type { QemuEnding } from './assess-boot.js';
import { MARKERS } from './init-script.js';

/** What the console shows of the command. */
export type RunBlock = {
  readonly started: boolean;
  /** The command finished and the guest began printing its output. */
  readonly printing: boolean;
  /** The end marker was printed: the command finished and its output was printed back whole. */
  readonly ended: boolean;
  readonly exitStatus: number | null;
  readonly outputBytes: number | null;
  readonly output: string;
};

const END_RE = new RegExp(`${MARKERS.runOutputEnd} (\\d+)\\s+(\\d+)`);

/** Finds the command's markers and output in the console lines (already split, without `\r`). */
export function parseRunBlock(lines: readonly string[]): RunBlock {
  const started = lines.some((l) => l.includes(MARKERS.runStart));
  const begin = lines.findIndex((l) => l.includes(MARKERS.runOutputBegin));
  if (begin < 0) return { started, printing: false, ended: false, exitStatus: null, outputBytes: null, output: '' };
  const endAt = lines.findIndex((l, i) => i > begin && END_RE.test(l));
  const end = endAt < 0 ? null : END_RE.exec(lines[endAt] ?? '');
  const body = lines.slice(begin + 1, endAt < 0 ? lines.length : endAt);
  // The guest prints a newline after the output in case it lacked one: drop the empty line that makes.
  if (end !== null && body.at(-1) === '') body.pop();
  return {
    started,
    printing: true,
    ended: end !== null,
    exitStatus: end === null ? null : Number(end[1]),
    outputBytes: end === null ? null : Number(end[2]),
    output: body.length === 0 ? '' : `${body.join('\n')}\n`,
  };
}

/** The command's name in test ids: the basename of its first word, in characters KTAP names keep. */
export function runName(command: string): string {
  const first = command.trim().split(/\s+/)[0] ?? '';
  const base = (first.split('/').at(-1) ?? '').replace(/[^A-Za-z0-9_.+-]/g, '_').slice(0, 64);
  return base === '' || /^_+$/.test(base) ? 'run' : base;
}

function commandResult(id: string, block: RunBlock, ending: QemuEnding, results: ResultRun | null): CheckResult {
  const fail = (detail: string, status: 'fail' | 'timeout' = 'fail'): CheckResult => ({
    id,
    status,
    detail: ktapSafe(detail),
  });
  if (!block.ended) {
    if (ending.timedOut) {
      return fail(
        block.started
          ? `the command had not finished when QEMU was killed after the ${ending.timeoutSeconds} s timeout`
          : `QEMU was killed after the ${ending.timeoutSeconds} s timeout before the command started`,
        'timeout',
      );
    }
    return fail(
      block.printing
        ? "the guest stopped while printing the command's output (see the host checks)"
        : block.started
          ? 'the guest stopped while the command ran (see the host checks)'
          : 'the command never started (see the host checks)',
    );
  }
  const problems = [
    ...(block.exitStatus === 0 ? [] : [`exit status ${block.exitStatus}`]),
    ...(results?.endedEarly ? [`its ${results.format} output ended early: ${results.endedEarly}`] : []),
  ];
  return problems.length === 0 ? { id, status: 'pass' } : fail(problems.join('; '));
}

/** Assesses the command: its own result plus the results its output holds (`parse` reads them, or null). */
export function assessRun(input: {
  readonly command: string;
  readonly block: RunBlock;
  readonly ending: QemuEnding;
  readonly parse: (output: string) => ResultRun | null;
}): BootRunCommand {
  const name = runName(input.command);
  const results = input.block.ended && input.block.output !== '' ? input.parse(input.block.output) : null;
  return {
    command: input.command,
    name,
    result: commandResult(name, input.block, input.ending, results),
    exitStatus: input.block.exitStatus,
    format: results?.format ?? null,
    tests: results?.tests ?? [],
    endedEarly: results?.endedEarly ?? null,
    output: input.block.output,
    outputBytes: input.block.outputBytes,
  };
}
