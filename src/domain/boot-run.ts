/**
 * A boot smoke test's outcome: the assessment `analysis/boot/assess-boot.ts` makes from the console, and the run
 * around it (what was booted, how, how QEMU ended) that the boot use-case returns and `formats/boot/` renders.
 */
import type { CheckResult } from './boot-check.js';

export type BootAssessment = {
  readonly verdict: 'pass' | 'fail';
  /** Checks made by the host from the console and the QEMU process. */
  readonly host: readonly CheckResult[];
  /** The guest's checks, in plan order; one the guest never reported is a failure saying so. */
  readonly guest: readonly CheckResult[];
  /** One line per failed check, `host/<id>: detail` or `guest/<id>: detail`, in check order. */
  readonly reasons: readonly string[];
  readonly problems: readonly string[];
};

/** One boot: schemaVersion 1 of `kgap boot --format json` (docs/boot.md) plus the KTAP and console text. */
export type BootRun = {
  readonly schemaVersion: 1;
  readonly kernel: { readonly path: string; readonly release: string | null; readonly version: string | null };
  readonly expectRelease: string | null;
  /** What QEMU booted, and why not the faster vmlinux when it did not. */
  readonly booted: { readonly image: 'vmlinux' | 'bzImage'; readonly note: string };
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
