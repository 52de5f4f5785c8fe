/**
 * Upstream Linux kernel versions and the stable branch each one is on.
 *
 * A branch is the release a stable series forks from: 6.1.170 is on 6.1, 2.6.32.70 on 2.6.32, and mainline 6.13
 * is the first release of branch 6.13. An rc of X.Y is on the way to X.Y: it is placed on branch X.Y, before X.Y.
 */
export type KernelVersion = {
  /** Branch key: [6, 1, 0] for 6.1; [2, 6, 32] for 2.6.32. Compared element-wise. */
  readonly branchKey: readonly [number, number, number];
  /** Stable update number on the branch; 0 for the branch's own release (6.1 == 6.1.0). */
  readonly sublevel: number;
  /** Release-candidate number, or null for a release. */
  readonly rc: number | null;
};

// At most six digits a number: 6.1.99999999999999999999 is no version (it was once printed as 6.1.1e20).
const VERSION_RE = /^v?(\d{1,6})\.(\d{1,6})(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?(?:-rc(\d{1,6}))?$/;

// The vulns data names a few thousand distinct versions ~100,000 times: parse each once (values are immutable).
const parsed = new Map<string, KernelVersion | null>();

/** Parses an upstream version string (`6.1.170`, `6.13`, `6.13-rc3`, `2.6.32.70`); null when it is not one. */
export function parseKernelVersion(text: string): KernelVersion | null {
  let v = parsed.get(text);
  if (v === undefined) {
    v = parseUncached(text);
    if (parsed.size < 100_000) parsed.set(text, v);
  }
  return v;
}

function parseUncached(text: string): KernelVersion | null {
  const m = VERSION_RE.exec(text.trim());
  if (!m) return null;
  const nums = [m[1], m[2], m[3], m[4]].map((x) => (x === undefined ? null : Number(x)));
  const [a, b, c, d] = nums as [number, number, number | null, number | null];
  const rc = m[5] === undefined ? null : Number(m[5]);
  if (a === 2 && b === 6) {
    // 2.6 era: the third number names the release, the fourth is the stable update.
    if (c === null) return null;
    if (rc !== null && d !== null) return null;
    return { branchKey: [2, 6, c], sublevel: d ?? 0, rc };
  }
  if (d !== null) return null;
  if (rc !== null && c !== null && c !== 0) return null; // rcs exist only for mainline releases
  if (a > 99 || b > 999) return null;
  return { branchKey: [a, b, 0], sublevel: c ?? 0, rc };
}

/** The branch a version is on, as text: `6.1`, `2.6.32`. */
export function branchOf(v: KernelVersion): string {
  const [a, b, c] = v.branchKey;
  return a === 2 && b === 6 ? `2.6.${c}` : `${a}.${b}`;
}

// Parsed versions are shared objects (see `parsed`), so their text is worth keeping too.
const formatted = new WeakMap<KernelVersion, string>();

/** Canonical text: `6.1.170`, `6.1`, `6.13-rc3`, `2.6.32.70`. */
export function formatKernelVersion(v: KernelVersion): string {
  let text = formatted.get(v);
  if (text === undefined) {
    text = formatUncached(v);
    formatted.set(v, text);
  }
  return text;
}

function formatUncached(v: KernelVersion): string {
  const base = branchOf(v);
  if (v.rc !== null) return `${base}-rc${v.rc}`;
  return v.sublevel === 0 ? base : `${base}.${v.sublevel}`;
}

/** Compares two branch keys; negative when a is older. */
export function compareBranchKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Total order: branch, then rc before the release, then stable sublevel. */
export function compareKernelVersions(a: KernelVersion, b: KernelVersion): number {
  const byBranch = compareBranchKeys(a.branchKey, b.branchKey);
  if (byBranch !== 0) return byBranch;
  const rcA = a.rc ?? Number.POSITIVE_INFINITY;
  const rcB = b.rc ?? Number.POSITIVE_INFINITY;
  if (rcA !== rcB) return rcA < rcB ? -1 : 1;
  return a.sublevel - b.sublevel;
}

/** True for a mainline release or rc (the branch's own release, no stable update). */
export function isMainline(v: KernelVersion): boolean {
  return v.sublevel === 0;
}

/** Sort helper over version strings that parse; unparsable strings sort last, by text. */
export function compareVersionText(a: string, b: string): number {
  const va = parseKernelVersion(a);
  const vb = parseKernelVersion(b);
  if (va && vb) return compareKernelVersions(va, vb);
  if (va) return -1;
  if (vb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
