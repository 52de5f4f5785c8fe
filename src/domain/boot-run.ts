/**
 * A boot smoke test's outcome: the assessment `analysis/boot/assess-boot.ts` makes from the console, and the run
 * around it (what was booted, how, how QEMU ended) that the boot use-case returns and `formats/boot/` renders.
 */
import type { BootArch } from './boot-arch.js';
import type { CheckResult } from './boot-check.js';
import type { ResultFormat, TestResult } from './test-result.js';

/**
 * The product's own command (`kgap boot --run`) as the guest ran it after the built-in checks. Its output's
 * results (KTAP, LTP, … anything the gate reads) become tests `boot_run/<name>/<test id>`; the command itself is
 * the test `boot_run/<name>`, passing when it exited 0 and its results, if any, were complete.
 */
export type BootRunCommand = {
  readonly command: string;
  /** Its name in test ids: the basename of its first word (`/tests/ktap-probe --x` -> `ktap-probe`). */
  readonly name: string;
  /** The command as one test: `pass`, `fail` (exit status, results cut off, never ran) or `timeout`. */
  readonly result: CheckResult;
  /** Its exit status (128+N when killed by signal N), null when it never finished. */
  readonly exitStatus: number | null;
  /** The results format found in its output, null when it printed none: its exit status is then its only test. */
  readonly format: ResultFormat | null;
  /** Its results, ids as the gate reads them from its output. */
  readonly tests: readonly TestResult[];
  /** Why its results stopped early (KTAP plan not met, block left open, …), or null. */
  readonly endedEarly: string | null;
  /** Its output (stdout and stderr) as printed back on the console, up to 4 MiB. */
  readonly output: string;
  /** The output's full size in bytes, null when it never finished. */
  readonly outputBytes: number | null;
};

export type BootAssessment = {
  readonly verdict: 'pass' | 'fail';
  /** Checks made by the host from the console and the QEMU process. */
  readonly host: readonly CheckResult[];
  /** The guest's checks, in plan order; one the guest never reported is a failure saying so. */
  readonly guest: readonly CheckResult[];
  /** The product's command (`--run`), or null when none was given. */
  readonly run: BootRunCommand | null;
  /** One line per failed check, `host/<id>: detail`, `guest/<id>: detail` or `run/<id>: detail`, in check order. */
  readonly reasons: readonly string[];
  readonly problems: readonly string[];
};

/** One boot: schemaVersion 1 of `kgap boot --format json` (docs/boot.md) plus the KTAP and console text. */
export type BootRun = {
  readonly schemaVersion: 1;
  readonly kernel: { readonly path: string; readonly release: string | null; readonly version: string | null };
  /** The architecture the image is for (from its header), which picks the QEMU machine. */
  readonly arch: BootArch;
  readonly expectRelease: string | null;
  /** What QEMU booted, and why not the faster vmlinux when it did not. */
  readonly booted: { readonly image: 'vmlinux' | 'bzImage' | 'Image'; readonly note: string };
  readonly commandLine: string;
  readonly timeoutSeconds: number;
  readonly durationSeconds: number;
  readonly qemu: { readonly exitCode: number | null; readonly signal: string | null; readonly timedOut: boolean };
  readonly assessment: BootAssessment;
  /** The KTAP report `gate` reads (`boot.ktap`). */
  readonly ktap: string;
  /** The serial console as captured (kept beside the KTAP as the side's console log). */
  readonly console: string;
};
