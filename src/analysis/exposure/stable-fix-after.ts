import type { CveRecord } from '../../domain/cve.js';
import {
  compareKernelVersions,
  formatKernelVersion,
  type KernelVersion,
  parseKernelVersion,
} from '../../domain/kernel-version.js';
import { sameBranch } from './dyad-line.js';

/**
 * The first release on `base`'s branch after `base` that a `.dyad` line names as a fix: what following stable from
 * `base` would bring. Tree mode asks it when only the tree says affected (a reverted fix, a vendor backport of the
 * bug), `kgap plan` for the release that closes a CVE. Each line's fix is read as written: unlike `lineOf`, this
 * does not drop a fix older than its line's introduction.
 */
export function stableFixAfter(record: Pick<CveRecord, 'dyad'>, base: KernelVersion): string | null {
  let first: KernelVersion | null = null;
  for (const d of record.dyad) {
    const v = d.fixVersion ? parseKernelVersion(d.fixVersion) : null;
    if (v === null || !sameBranch(v, base) || compareKernelVersions(v, base) <= 0) continue;
    if (first === null || compareKernelVersions(v, first) < 0) first = v;
  }
  return first === null ? null : formatKernelVersion(first);
}
