/**
 * Plans the stable history past a vendor base and the vendor patches that meet it (pure): which function of which
 * shared file each stable filler commit edits, and vendor patches of every `kgap plan` fate against the newest stable
 * release (`upTo`): identical to a later stable commit (upstream by patch-id), a marked backport of one with an
 * adapted diff (upstream by marker), an edit of a line a later stable commit also edits (conflict), an edit of a
 * function no later stable commit touches (clean), a revert of a stable commit the base has (vendor-revert), a revert
 * that stable later makes too (upstream by revert pair), and vendor-only files (clean).
 */
import { fakeSha } from './commit-text.js';
import type { SharedFile, Slot } from './source-model.js';

/** One stable filler commit's edit: release `n`, filler `i`. */
export type StableEdit = {
  readonly n: number;
  readonly i: number;
  readonly slot: Slot;
  /** The function's line before and after. */
  readonly before: string;
  readonly after: string;
  readonly subject: string;
  /** The (fake) mainline id its `commit <id> upstream.` line names. */
  readonly upstream: string;
};

export const PLAN_KINDS = [
  'identical',
  'marked',
  'conflict',
  'clean-shared',
  'revert-base',
  'revert-pair',
  'own',
] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** A vendor patch to plant. `stable` is the stable edit it mirrors, conflicts with, or reverts. */
export type PlanPatch = {
  readonly kind: PlanKind;
  readonly index: number;
  readonly slot: Slot | null;
  /** The function's new line (for a revert: the line before the reverted stable commit). */
  readonly line: string | null;
  readonly stable: StableEdit | null;
};

/** A stable commit that reverts a stable commit the vendor base already has (the other half of a revert pair). */
export type StableRevert = { readonly n: number; readonly of: StableEdit };

export type PatchCounts = Readonly<Record<PlanKind, number>>;

export type PatchPlan = {
  /** Key `n.i` -> the edit of that stable filler. */
  readonly edits: ReadonlyMap<string, StableEdit>;
  readonly reverts: readonly StableRevert[];
  /** In the order the vendor branch gets them. */
  readonly patches: readonly PlanPatch[];
};

const VERBS = [
  'fix error path in',
  'avoid NULL dereference in',
  'fix reference leak in',
  'handle allocation failure in',
  'correct return value of',
  'fix race in',
  'check bounds in',
] as const;

const hash = (seed: string) => Number.parseInt(fakeSha(seed).slice(0, 8), 16);
const areaOf = (file: SharedFile) => {
  const dirs = file.path.split('/');
  return dirs.length > 1 ? (dirs[dirs.length - 2] as string) : file.prefix;
};

/** The subject a stable edit gets: kernel style, naming the function. */
function stableSubject(file: SharedFile, fn: number, seed: string): string {
  return `${areaOf(file)}: ${VERBS[hash(seed) % VERBS.length]} ${file.prefix}_op_${fn}()`;
}

/**
 * Plans the stable fillers' edits for releases 1..upTo (`fillers` per release) and the vendor patches (`counts`),
 * against a base at `base`. Every vendor patch on a shared file gets its own function, so the fates do not mix.
 */
export function planPatches(o: {
  readonly files: readonly SharedFile[];
  readonly functions: number;
  readonly upTo: number;
  readonly fillers: number;
  readonly base: number;
  readonly counts: PatchCounts;
}): PatchPlan {
  const slots = o.files.length * o.functions;
  const edits = new Map<string, StableEdit>();
  const bySlot = new Map<number, StableEdit[]>();
  const current = new Map<number, string>();
  const lineOf = (idx: number, slot: Slot) =>
    current.get(idx) ?? `\treturn ${(o.files[slot.file] as SharedFile).prefix}_apply(dev, x, ${slot.fn});`;
  for (let n = 1; n <= o.upTo && slots > 0; n++) {
    for (let i = 0; i < o.fillers; i++) {
      const idx = hash(`slot-${n}-${i}`) % slots;
      const slot = { file: Math.floor(idx / o.functions), fn: idx % o.functions };
      const file = o.files[slot.file] as SharedFile;
      const after = `\treturn ${file.prefix}_apply(dev, x | 0x${((n << 6) | i).toString(16)}, ${slot.fn});`;
      const edit = {
        n,
        i,
        slot,
        before: lineOf(idx, slot),
        after,
        subject: stableSubject(file, slot.fn, `${n}-${i}`),
        upstream: fakeSha(`stable-${n}-${i}`),
      };
      current.set(idx, after);
      edits.set(`${n}.${i}`, edit);
      bySlot.set(idx, [...(bySlot.get(idx) ?? []), edit]);
    }
  }
  const filesChangedAfter = new Set<number>();
  for (const e of edits.values()) if (e.n > o.base) filesChangedAfter.add(e.slot.file);
  // Slots in a fixed pseudo-random order, so the picks spread over files and functions.
  const order = Array.from({ length: slots }, (_, idx) => idx).sort(
    (a, b) => hash(`order-${a}`) - hash(`order-${b}`) || a - b,
  );
  const used = new Set<number>();
  const patches: PlanPatch[] = [];
  const reverts: StableRevert[] = [];
  const take = (kind: PlanKind, want: (list: readonly StableEdit[], idx: number) => boolean) => {
    for (let index = 0, k = 0; index < o.counts[kind] && k < order.length; k++) {
      const idx = order[k] as number;
      const list = bySlot.get(idx) ?? [];
      if (used.has(idx) || !want(list, idx)) continue;
      used.add(idx);
      const slot = { file: Math.floor(idx / o.functions), fn: idx % o.functions };
      const file = o.files[slot.file] as SharedFile;
      const later = list.filter((e) => e.n > o.base);
      const last = list.filter((e) => e.n <= o.base).at(-1) ?? null;
      const first = later[0] ?? null;
      const line =
        kind === 'identical' || kind === 'marked'
          ? (first?.after ?? null)
          : kind === 'conflict'
            ? `\treturn ${file.prefix}_apply_quirk(dev, x, ${slot.fn}); /* product board */`
            : kind === 'clean-shared'
              ? `\treturn ${file.prefix}_apply(dev, x, ${slot.fn}) ?: ${file.prefix}_vendor_hook(dev);`
              : (last?.before ?? null);
      const stable = kind === 'revert-base' || kind === 'revert-pair' ? last : first;
      patches.push({ kind, index, slot, line, stable });
      if (kind === 'revert-pair' && last) {
        const n = o.base + 1 + (hash(`revert-${index}`) % Math.max(1, o.upTo - o.base));
        reverts.push({ n, of: last });
      }
      index++;
    }
  };
  const laterOf = (list: readonly StableEdit[]) => list.filter((e) => e.n > o.base);
  take('identical', (list) => laterOf(list).length === 1);
  take('marked', (list) => laterOf(list).length >= 1);
  take('conflict', (list) => laterOf(list).length >= 1);
  take(
    'clean-shared',
    (list, idx) => laterOf(list).length === 0 && filesChangedAfter.has(Math.floor(idx / o.functions)),
  );
  const revertable = (list: readonly StableEdit[]) => laterOf(list).length === 0 && list.length > 0;
  take('revert-base', revertable);
  take('revert-pair', revertable);
  for (let index = 0; index < o.counts.own; index++)
    patches.push({ kind: 'own', index, slot: null, line: null, stable: null });
  patches.sort((a, b) => hash(`${a.kind}-${a.index}`) - hash(`${b.kind}-${b.index}`) || a.index - b.index);
  return { edits, reverts, patches };
}

/** Counts per kind summing to `total` (at least one of each planted kind; the rest vendor-only or on shared files). */
export function patchCountsFor(total: number): PatchCounts {
  if (total <= 0) return Object.fromEntries(PLAN_KINDS.map((k) => [k, 0])) as Record<PlanKind, number>;
  const share = (f: number) => Math.max(1, Math.round(total * f));
  const counts = {
    identical: share(0.07),
    marked: share(0.07),
    conflict: share(0.04),
    'clean-shared': share(0.3),
    'revert-base': share(0.015),
    'revert-pair': share(0.015),
  };
  const planted = Object.values(counts).reduce((a, b) => a + b, 0);
  return { ...counts, own: Math.max(0, total - planted) };
}
