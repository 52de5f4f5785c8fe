/** The vocabulary of a boot smoke test: one check's outcome, from the host's view of the console or the guest's. */

/** `timeout`: the check never ran because QEMU was killed at the deadline (KTAP's `# TIMEOUT` directive). */
export const CHECK_STATUSES = ['pass', 'fail', 'skip', 'timeout'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export type CheckResult = {
  /** A KTAP test name: `[a-z0-9_]+`, stable across runs so the gate can match baseline and candidate. */
  readonly id: string;
  readonly status: CheckStatus;
  /** Why it failed or was skipped; one line, no `#` (KTAP reserves it for directives). */
  readonly detail?: string;
};

/** Makes free text safe for a KTAP diagnostic: one line, no `#`, capped. */
export function ktapSafe(text: string, max = 160): string {
  const flat = text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/#/g, '')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}

/** Failed and timed-out checks both make a boot fail. */
export function isFailure(status: CheckStatus): boolean {
  return status === 'fail' || status === 'timeout';
}
