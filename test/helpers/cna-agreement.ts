import { assessVersion } from '../../src/analysis/exposure/assess-version.js';
import type { KernelVersion } from '../../src/domain/kernel-version.js';
import { assessCnaVerdict } from './cna-json-verdict.js';
import type { CnaJsonRanges } from './read-cna-json.js';
import type { RealIndex } from './real-index.js';

/** The versions the cross-check test covers (docs/semantics.md, "Validation against the CNA's own JSON"). */
export const AGREEMENT_VERSIONS = [
  '4.19.250',
  '5.4.280',
  '5.10.220',
  '5.15.160',
  '6.1.2',
  '6.1.50',
  '6.1.170',
  '6.6.30',
  '6.6.100',
  '6.12.30',
  '6.12.50',
  '6.18.20',
] as const;

/** One CVE on which kgap and the JSON disagree for a version. */
export type Difference = {
  readonly id: string;
  readonly kgapAffected: boolean;
  /** kgap's `ambiguousReason`, null when kgap is sure. */
  readonly ambiguousReason: string | null;
};

/** kgap's verdicts against the JSON's over every record, for one version. */
export type Agreement = {
  readonly kgap: number;
  readonly cna: number;
  readonly ambiguous: readonly string[];
  readonly differences: readonly Difference[];
};

/** Compares `assessVersion` with the JSON's verdict for every record of the index (~15 ms per version). */
export function compareWithCna(real: RealIndex, cna: CnaJsonRanges, v: KernelVersion): Agreement {
  let kgap = 0;
  let json = 0;
  const ambiguous: string[] = [];
  const differences: Difference[] = [];
  for (const record of real.index.records) {
    const ranges = cna.byId.get(record.id);
    if (ranges === undefined) throw new Error(`${record.id}: no JSON ranges read`);
    const ours = assessVersion(record, v);
    const theirs = assessCnaVerdict(ranges, v).affected;
    if (ours.affected) kgap++;
    if (theirs) json++;
    if (ours.ambiguous) ambiguous.push(record.id);
    if (ours.affected !== theirs) {
      differences.push({ id: record.id, kgapAffected: ours.affected, ambiguousReason: ours.ambiguousReason });
    }
  }
  return { kgap, cna: json, ambiguous, differences };
}
