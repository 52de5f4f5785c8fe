import { z } from 'zod';
import {
  compareBranchKeys,
  compareKernelVersions,
  type KernelVersion,
  parseKernelVersion,
} from '../../src/domain/kernel-version.js';

/**
 * The CNA's own verdict for a version, read from a record's CVE JSON 5 `containers.cna.affected[].versions`: the
 * independent reference `test/cna-json-agreement.test.ts` checks kgap's dyad rules against.
 *
 * A test helper, not analysis: kgap decides from the `.dyad` lines (docs/semantics.md); this second reading of the
 * same facts exists only to catch kgap's rules disagreeing with the CNA, so it must stay out of the product's
 * decisions (wired in, it would stop being an independent check).
 */

const entrySchema = z.looseObject({
  version: z.string(),
  lessThan: z.string().optional(),
  lessThanOrEqual: z.string().optional(),
  status: z.enum(['affected', 'unaffected', 'unknown']),
  versionType: z.string().optional(),
});
const recordSchema = z.looseObject({
  containers: z.looseObject({
    cna: z.looseObject({
      affected: z
        .array(
          z.looseObject({
            product: z.string().optional(),
            defaultStatus: z.enum(['affected', 'unaffected', 'unknown']).optional(),
            versions: z.array(entrySchema).optional(),
          }),
        )
        .optional(),
    }),
  }),
});

/** A version range of the JSON: `from` (null: `0`, the beginning) up to `to`. */
export type CnaRange = {
  readonly from: KernelVersion | null;
  /** `lessThan` (exclusive), `lessThanOrEqual` (inclusive), `X.Y.*` (to the end of branch X.Y), `*`, or one version. */
  readonly to:
    | { readonly kind: 'below' | 'upTo'; readonly version: KernelVersion }
    | { readonly kind: 'branchEnd'; readonly branchKey: KernelVersion['branchKey'] }
    | { readonly kind: 'open' }
    | { readonly kind: 'only' };
  readonly affected: boolean;
  /** The entry as the JSON writes it, for messages. */
  readonly text: string;
};

/** The version-ordered facts of one record: the semver ranges of its Linux products and their default. */
export type CnaAffected = { readonly defaultAffected: boolean; readonly ranges: readonly CnaRange[] };

const GIT_ID = /^[0-9a-f]{40}$/;

/** Parses a record's JSON into its version ranges; a string problem when it is not CVE JSON 5 or a version is odd. */
export function parseCnaAffected(text: string): CnaAffected | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return `invalid JSON (${(e as Error).message})`;
  }
  const parsed = recordSchema.safeParse(raw);
  if (!parsed.success) return `not CVE JSON 5 (${parsed.error.issues[0]?.message ?? 'invalid'})`;
  const ranges: CnaRange[] = [];
  let defaultAffected = false;
  for (const product of parsed.data.containers.cna.affected ?? []) {
    if (product.product !== 'Linux') continue;
    const semver = (product.versions ?? []).filter((e) => e.versionType !== 'git' && !GIT_ID.test(e.version));
    // A product whose only entries are git ranges says nothing about version numbers, whatever its default.
    if (semver.length === 0) continue;
    if (product.defaultStatus === 'affected') defaultAffected = true;
    for (const e of semver) {
      const range = parseEntry(e);
      if (typeof range === 'string') return range;
      ranges.push(range);
    }
  }
  return { defaultAffected, ranges };
}

function parseEntry(e: z.infer<typeof entrySchema>): CnaRange | string {
  const text = `${e.version}${e.lessThan ? ` < ${e.lessThan}` : ''}${e.lessThanOrEqual ? ` <= ${e.lessThanOrEqual}` : ''} ${e.status}`;
  const version = (s: string) => parseKernelVersion(s);
  const from = e.version === '0' ? null : version(e.version);
  if (e.version !== '0' && from === null) return `unreadable version in "${text}"`;
  let to: CnaRange['to'];
  if (e.lessThan !== undefined) {
    const v = version(e.lessThan);
    if (v === null) return `unreadable version in "${text}"`;
    to = { kind: 'below', version: v };
  } else if (e.lessThanOrEqual === '*') to = { kind: 'open' };
  else if (e.lessThanOrEqual?.endsWith('.*')) {
    // bippy writes the first two numbers of the fix: `2.6.*` for a 2.6.39.2 fix means the end of branch 2.6.39,
    // so the branch is the fix's own (its first numbers must match the wildcard).
    if (from === null || !e.version.startsWith(e.lessThanOrEqual.slice(0, -1))) {
      return `unreadable version in "${text}"`;
    }
    to = { kind: 'branchEnd', branchKey: from.branchKey };
  } else if (e.lessThanOrEqual !== undefined) {
    const v = version(e.lessThanOrEqual);
    if (v === null) return `unreadable version in "${text}"`;
    to = { kind: 'upTo', version: v };
  } else to = { kind: 'only' };
  return { from, to, affected: e.status === 'affected', text };
}

/** Does the range hold V? */
export function rangeHolds(r: CnaRange, v: KernelVersion): boolean {
  if (r.from !== null && compareKernelVersions(v, r.from) < 0) return false;
  switch (r.to.kind) {
    case 'below':
      return compareKernelVersions(v, r.to.version) < 0;
    case 'upTo':
      return compareKernelVersions(v, r.to.version) <= 0;
    case 'branchEnd':
      return compareBranchKeys(v.branchKey, r.to.branchKey) <= 0;
    case 'open':
      return true;
    case 'only':
      return r.from !== null && compareKernelVersions(v, r.from) === 0;
  }
}

/** The CNA's verdict for V and the range that gave it (null: the products' default). */
export type CnaVerdict = { readonly affected: boolean; readonly range: CnaRange | null };

/**
 * Branch-aware reading: of the ranges that hold V, the one that starts latest decides. The CNA's `bippy` writes a
 * kernel product (`0 <= v < first intro` unaffected, a fix's `F <= v <= X.Y.*` unaffected, `M <= v <= *` for the
 * mainline fix) and a git product with default `unaffected` for stable-only windows (`I <= v < F` affected) and
 * unknown introductions (`0 <= v < F` affected, one per fixed branch, so `0 <= v < 5.10.219` also holds 5.4.300).
 * Ranges of other branches can only start before V's branch, so the latest start is V's own branch's statement:
 * CVE-2024-38635's `5.4.278 <= v <= 5.4.*` unaffected wins over `0 <= v < 5.10.219` affected at 5.4.300, and
 * CVE-2025-40237's `6.6.74 <= v < 6.6.115` affected over `6.6.73 <= v <= 6.6.*` unaffected at 6.6.100. Equal
 * starts read as affected: the only ones in the data (CVE-2026-31687, a fix in 6.6.125 whose own bug 6.6.126
 * fixed) are an `F <= v <= X.Y.*` unaffected beside an `F <= v < F+1` affected. No range: the products' default.
 */
export function assessCnaVerdict(record: CnaAffected, v: KernelVersion): CnaVerdict {
  let best: CnaRange | null = null;
  for (const r of record.ranges) {
    if (!rangeHolds(r, v)) continue;
    const byStart = best === null ? 1 : compareStart(r.from, best.from);
    if (byStart > 0 || (byStart === 0 && r.affected)) best = r;
  }
  return best === null ? { affected: record.defaultAffected, range: null } : { affected: best.affected, range: best };
}

function compareStart(a: KernelVersion | null, b: KernelVersion | null): number {
  if (a === null || b === null) return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  return compareKernelVersions(a, b);
}
