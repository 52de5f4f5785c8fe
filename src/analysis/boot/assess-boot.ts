/**
 * Judges one boot from what the host saw: the console text and how QEMU ended. QEMU exits 0 even after a kernel
 * panic (`panic=-1` + `-no-reboot` turn the panic into an exit), so the exit code alone proves nothing: the
 * verdict comes from the console, and the guest's own KTAP report is checked against the plan it was given.
 */
import { type CheckResult, isFailure, ktapSafe } from '../../domain/boot-check.js';
import type { BootAssessment, BootRunCommand } from '../../domain/boot-run.js';
import type { ResultRun, TestStatus } from '../../domain/test-result.js';
import { CONSOLE_SIGNALS, findSignal } from './console-signals.js';
import type { GuestCheck } from './guest-checks.js';
import { consoleLines, parseGuestReport } from './guest-report.js';
import { type GuestRun, MARKERS } from './init-script.js';
import { assessRun, parseRunBlock } from './run-report.js';

/** How the QEMU process ended, as the runner observed it. */
export type QemuEnding = {
  readonly timedOut: boolean;
  readonly timeoutSeconds: number;
  readonly exitCode: number | null;
  readonly signal: string | null;
  /** QEMU's own error output (e.g. "Error loading uncompressed kernel without PVH ELF Note"), when any. */
  readonly stderr?: string;
};

function result(id: string, failure: string | null, status: 'fail' | 'timeout' = 'fail'): CheckResult {
  return failure === null ? { id, status: 'pass' } : { id, status, detail: ktapSafe(failure) };
}

const BLOCKS = [
  { begin: MARKERS.ktapBegin, end: MARKERS.ktapEnd },
  { begin: MARKERS.runOutputBegin, end: MARKERS.runOutputEnd },
] as const;

/**
 * Lines outside the guest's report and the command's output: the guest quotes dmesg hits in its report, and a
 * product's test may print "BUG:" of its own; neither is the kernel speaking. Only a block that was closed is
 * left out: a kernel that panicked while the guest printed leaves it open, and its panic must count.
 */
function kernelLines(lines: readonly string[]): string[] {
  const drop = new Set<number>();
  for (const block of BLOCKS) {
    const begin = lines.findIndex((l) => l.includes(block.begin));
    const end = begin < 0 ? -1 : lines.findIndex((l, i) => i > begin && l.includes(block.end));
    for (let i = begin; end >= 0 && i <= end; i++) drop.add(i);
  }
  return lines.filter((_, i) => !drop.has(i));
}

// A product test's result that makes the boot fail: anything but pass, skip and expected failure.
const GOOD_OR_SKIPPED: ReadonlySet<TestStatus> = new Set(['pass', 'skip', 'xfail']);

function runReasons(run: BootRunCommand | null): string[] {
  if (run === null) return [];
  return [
    ...(isFailure(run.result.status) ? [`run/${run.name}: ${run.result.detail ?? run.result.status}`] : []),
    ...run.tests
      .filter((t) => !GOOD_OR_SKIPPED.has(t.status))
      .map((t) => `run/${run.name}/${t.id}: ${t.detail ?? t.status}`),
  ];
}

function endingText(end: QemuEnding): string {
  if (end.timedOut) return `QEMU was killed after the ${end.timeoutSeconds} s timeout`;
  if (end.signal !== null) return `QEMU was killed by ${end.signal}`;
  const why = end.exitCode === 0 ? '' : (end.stderr ?? '').trim().split('\n')[0];
  return `QEMU exited with code ${end.exitCode}${why ? ` (${why})` : ''}`;
}

/**
 * Assesses a boot: host checks from the console, the guest's reported checks against the plan, and the product's
 * command when one ran (`parseResults` reads its output: the gate's parsers, passed in).
 */
export function assessBoot(input: {
  readonly console: string;
  readonly ending: QemuEnding;
  readonly guestChecks: readonly GuestCheck[];
  readonly run?: GuestRun | null;
  readonly parseResults?: (output: string) => ResultRun | null;
}): BootAssessment {
  const lines = consoleLines(input.console);
  const kernel = kernelLines(lines);
  const report = parseGuestReport(lines);
  const end = input.ending;
  const started = kernel.some((l) => /Linux version \d/.test(l));
  const missing = input.guestChecks.filter((c) => !report.results.has(c.id)).map((c) => c.id);
  const poweredOff = kernel.some((l) => /reboot: Power down/.test(l));
  // Something that had not happened yet when QEMU was killed at the deadline is a TIMEOUT, not a failure;
  // a panic or oops seen on the console is positive evidence and stays a failure.
  const missed = end.timedOut ? 'timeout' : 'fail';
  const host: CheckResult[] = [
    result('kernel_started', started ? null : `no "Linux version" banner on the console; ${endingText(end)}`, missed),
    result('init_reached', report.initStarted ? null : 'the console never showed the generated /init starting', missed),
    ...CONSOLE_SIGNALS.map((s) => result(s.id, findSignal(kernel, s))),
    result(
      'guest_report_complete',
      !report.begun
        ? 'the guest printed no KTAP report'
        : !report.ended
          ? 'the guest report was cut off before its end marker'
          : missing.length > 0
            ? `the guest did not report ${missing.join(', ')}`
            : null,
      missed,
    ),
    result(
      'powered_off_cleanly',
      end.timedOut || end.signal !== null
        ? endingText(end)
        : !poweredOff
          ? `the kernel stopped without powering off (panic or reboot); ${endingText(end)}`
          : end.exitCode !== 0
            ? endingText(end)
            : null,
      missed,
    ),
  ];
  const noReport = end.timedOut
    ? `no result before the ${end.timeoutSeconds} s timeout`
    : report.begun
      ? 'the guest report ended before this check'
      : 'the guest never reported (see the host checks)';
  const guest = input.guestChecks.map(
    (c): CheckResult => report.results.get(c.id) ?? { id: c.id, status: missed, detail: noReport },
  );
  const run =
    input.run === undefined || input.run === null
      ? null
      : assessRun({
          command: input.run.command,
          block: parseRunBlock(lines),
          ending: end,
          parse: input.parseResults ?? (() => null),
        });
  const reasons = [
    ...host.filter((c) => isFailure(c.status)).map((c) => `host/${c.id}: ${c.detail ?? c.status}`),
    ...guest.filter((c) => isFailure(c.status)).map((c) => `guest/${c.id}: ${c.detail ?? c.status}`),
    ...runReasons(run),
  ];
  const verdict = reasons.length === 0 ? 'pass' : 'fail';
  return { verdict, host, guest, run, reasons, problems: report.problems };
}
