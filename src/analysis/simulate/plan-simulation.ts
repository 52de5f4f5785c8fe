import { dayFromNumber, dayNumber, requireDay } from '../../domain/day.js';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import {
  branchOf,
  compareKernelVersions,
  formatKernelVersion,
  type KernelVersion,
} from '../../domain/kernel-version.js';
import { branchReleases, type Release, type ReleaseTable } from '../../domain/release.js';
import type { Policy } from './policy.js';

/** A checked simulation: the window, the start release and the branch releases the product can move to. */
export type SimulationPlan = {
  readonly branch: string;
  readonly start: Release & { readonly date: string };
  /** The replayed days, inclusive: from max(--from, start's release date) to --to. */
  readonly firstDay: number;
  readonly lastDay: number;
  readonly requestedFrom: string;
  /** The start release and every newer dated release of the branch up to --to, oldest first. */
  readonly releases: readonly (Release & { readonly date: string })[];
  readonly policies: readonly Policy[];
  readonly notes: readonly string[];
};

/** What the data covers: CVEs are known from the first publication, releases and CVEs up to their snapshot. */
export type DataSpan = { readonly firstPublished: string; readonly lastKnown: string };

const checkDate = (field: string, text: string): number => dayNumber(requireDay(field, text));

const dated = (r: Release): r is Release & { date: string } => r.date !== null;

/** Checks the request against the data and fixes the window. Every refusal is a one-line UserError. Pure. */
export function planSimulation(input: {
  readonly releases: ReleaseTable;
  readonly span: DataSpan;
  readonly branch: string | null;
  readonly start: KernelVersion;
  readonly from: string | null;
  readonly to: string | null;
  readonly policies: readonly Policy[];
}): SimulationPlan {
  const { span } = input;
  const startName = formatKernelVersion(input.start);
  const branch = input.branch ?? branchOf(input.start);
  const onBranch = branchReleases(input.releases, branch).filter(dated);
  if (onBranch.length === 0) throw new UserError(`branch ${branch} has no dated releases in the release data`);
  if (branchOf(input.start) !== branch) throw new InvalidInput('start', `${startName} is not on branch ${branch}`);
  const start = onBranch.find((r) => r.name === startName);
  if (!start) {
    throw new InvalidInput(
      'start',
      `${startName} is not a dated release in the release data (branch ${branch}: ${onBranch[0]?.name} to ${onBranch.at(-1)?.name})`,
    );
  }
  const from = input.from ?? start.date;
  const to = input.to ?? span.lastKnown;
  const fromDay = checkDate('from', from);
  const lastDay = checkDate('to', to);
  if (lastDay < fromDay) throw new InvalidInput('to', `${to} is before the first day (${from})`);
  if (fromDay < dayNumber(span.firstPublished)) {
    throw new InvalidInput('from', `${from} is before the CVE data starts (${span.firstPublished}); pick a later date`);
  }
  if (lastDay > dayNumber(span.lastKnown)) {
    throw new InvalidInput(
      'to',
      `${to} is after the data ends (${span.lastKnown}); pick an earlier date or run kgap sync`,
    );
  }
  const startDay = dayNumber(start.date);
  if (startDay > lastDay)
    throw new InvalidInput('start', `${startName} came out on ${start.date}, after the last day (to, ${to})`);
  const firstDay = Math.max(fromDay, startDay);
  const notes: string[] = [];
  if (firstDay > fromDay) {
    notes.push(`${startName} came out on ${start.date}, after --from ${from}: the replay starts on ${start.date}`);
  }
  const releases = onBranch.filter(
    (r) => compareKernelVersions(r.version, start.version) >= 0 && dayNumber(r.date) <= lastDay,
  );
  if (!releases.some((r) => dayNumber(r.date) >= firstDay && r !== start)) {
    const last = onBranch.at(-1);
    throw new UserError(
      `branch ${branch} has no release after ${startName} between ${dayFromNumber(firstDay)} and ${to} (its last is ${last?.name} of ${last?.date}); pick another range or branch`,
    );
  }
  const seen = new Set<string>();
  for (const p of input.policies) {
    const key = `${p.kind}:${p.days}`;
    if (seen.has(key)) throw new UserError(`policy ${p.kind}${p.days === null ? '' : `:${p.days}d`} is given twice`);
    seen.add(key);
  }
  return { branch, start, firstDay, lastDay, requestedFrom: from, releases, policies: input.policies, notes };
}
