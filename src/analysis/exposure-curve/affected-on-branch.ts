import type { CveRecord } from '../../domain/cve.js';
import { compareBranchKeys, type KernelVersion, parseKernelVersion } from '../../domain/kernel-version.js';
import { assessVersion } from '../exposure/assess-version.js';

/** Parses dyad version strings once per run (the same few thousand strings recur across 14,600 records). */
export type VersionParser = (text: string) => KernelVersion | null;

export function makeVersionParser(): VersionParser {
  const cache = new Map<string, KernelVersion | null>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined) {
      v = parseKernelVersion(text);
      cache.set(text, v);
    }
    return v;
  };
}

/**
 * Is each of `versions` (releases of ONE branch) affected by the CVE? The verdict is assessVersion's; it is asked
 * once per class of versions that it cannot tell apart. Why that is exact: for a version V of branch B,
 * assessVersion compares V only with dyad versions on B (by sublevel: `intro <= V`, `V < fix`) and with the
 * branch key of versions elsewhere, so between two consecutive B-sublevels named in the dyad the verdict cannot
 * change. A version's class is the number of those sublevels at or below it. For the 184 releases of 6.1
 * that is 22,451 calls instead of 2.69 M (test/exposure-real.test.ts compares it with calling assessVersion on every
 * (CVE, release) pair).
 */
export function assessAffectedOnBranch(
  record: Pick<CveRecord, 'dyad'>,
  versions: readonly KernelVersion[],
  parse: VersionParser,
): boolean[] {
  const first = versions[0];
  if (first === undefined) return [];
  const breakpoints: number[] = [];
  for (const line of record.dyad) {
    for (const text of [line.introVersion, line.fixVersion]) {
      const v = text ? parse(text) : null;
      if (v && compareBranchKeys(v.branchKey, first.branchKey) === 0) breakpoints.push(v.sublevel);
    }
  }
  const verdictByClass = new Map<number, boolean>();
  return versions.map((v) => {
    let cls = 0;
    for (const b of breakpoints) if (b <= v.sublevel) cls++;
    let affected = verdictByClass.get(cls);
    if (affected === undefined) {
      affected = assessVersion(record, v).affected;
      verdictByClass.set(cls, affected);
    }
    return affected;
  });
}
