import { compareCveIds } from '../../domain/cve-id.js';
import type { PublishedStatement, PublishedStatus, VexPublication } from '../../domain/vex-publication.js';

/**
 * How one vulnerability moves between two publications (what a product team reviews before publishing):
 * - `newly-affected`: affected now, not before (absent, fixed, not affected, under investigation);
 * - `newly-fixed`: affected before, now fixed or no longer listed (kgap lists only what a kernel carries);
 * - `newly-not-affected`: affected before, now not affected (e.g. a config change stopped building the code);
 * - `justification-changed`: not affected in both, for another reason;
 * - `status-changed`: any other change of status (e.g. not affected -> no longer listed).
 */
export const VEX_CHANGE_KINDS = [
  'newly-affected',
  'newly-fixed',
  'newly-not-affected',
  'justification-changed',
  'status-changed',
] as const;
export type VexChangeKind = (typeof VEX_CHANGE_KINDS)[number];

export type VexSide = { readonly status: PublishedStatus; readonly justification: string | null } | null;

export type VexChange = {
  readonly id: string;
  readonly kind: VexChangeKind;
  /** null: not listed in that publication. */
  readonly from: VexSide;
  readonly to: VexSide;
  /** The new publication's action (affected) or the old one's (when it is fixed now). */
  readonly action: string | null;
};

export type VexDiff = {
  readonly changes: readonly VexChange[];
  readonly counts: Readonly<Record<VexChangeKind, number>>;
  /** Listed with the same status (and justification) in both. */
  readonly unchanged: number;
};

function side(s: PublishedStatement | undefined): VexSide {
  return s ? { status: s.status, justification: s.justification } : null;
}

function kindOf(from: VexSide, to: VexSide): VexChangeKind | null {
  const a = from?.status ?? null;
  const b = to?.status ?? null;
  if (b === 'affected') return a === 'affected' ? null : 'newly-affected';
  if (a === 'affected')
    return b === 'not_affected' ? 'newly-not-affected' : b === 'under_investigation' ? 'status-changed' : 'newly-fixed';
  if (a === b)
    return a === 'not_affected' && from?.justification !== to?.justification ? 'justification-changed' : null;
  return 'status-changed';
}

/** What changed from `before` to `after`, by kind (in VEX_CHANGE_KINDS order) then CVE id. Pure. */
export function compareVex(before: VexPublication, after: VexPublication): VexDiff {
  const ids = new Set([...before.statements.keys(), ...after.statements.keys()]);
  const changes: VexChange[] = [];
  let unchanged = 0;
  for (const id of ids) {
    const a = before.statements.get(id);
    const b = after.statements.get(id);
    const kind = kindOf(side(a), side(b));
    if (kind === null) {
      unchanged++;
      continue;
    }
    changes.push({ id, kind, from: side(a), to: side(b), action: b?.action ?? a?.action ?? null });
  }
  const rank = (k: VexChangeKind) => VEX_CHANGE_KINDS.indexOf(k);
  changes.sort((x, y) => rank(x.kind) - rank(y.kind) || compareCveIds(x.id, y.id));
  const counts = Object.fromEntries(VEX_CHANGE_KINDS.map((k) => [k, 0])) as Record<VexChangeKind, number>;
  for (const c of changes) counts[c.kind]++;
  return { changes, counts, unchanged };
}
