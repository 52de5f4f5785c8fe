import type { MarkerStyle } from '../../domain/tree-scan.js';

/**
 * The backport markers a kernel commit message can carry, and revert lines. Pure; one line at a time, so the
 * history scan never holds a message.
 */

export type LineMarker =
  | { readonly kind: 'backport'; readonly sha: string; readonly style: Exclude<MarkerStyle, 'android'> }
  | { readonly kind: 'revert'; readonly sha: string };

// Abbreviated ids are matched by prefix; shorter than 12 hex digits is too ambiguous in a kernel-sized history.
const HEX = '([0-9a-f]{12,40})';
const RULES: readonly { re: RegExp; make: (sha: string) => LineMarker }[] = [
  // Stable: "commit <sha> upstream." (Documentation/process/stable-kernel-rules.rst), also "[ Upstream commit <sha> ]".
  {
    re: new RegExp(`^\\s*commit ${HEX}\\s+upstream\\b`, 'i'),
    make: (sha) => ({ kind: 'backport', sha, style: 'stable' }),
  },
  {
    re: new RegExp(`^\\s*\\[\\s*upstream commit ${HEX}\\s*\\]`, 'i'),
    make: (sha) => ({ kind: 'backport', sha, style: 'stable' }),
  },
  // `git cherry-pick -x`, used by Android's UPSTREAM:/BACKPORT:/FROMGIT: commits and most vendors.
  {
    re: new RegExp(`\\(cherry[ -]picked from commit ${HEX}\\b`, 'i'),
    make: (sha) => ({ kind: 'backport', sha, style: 'cherry-pick' }),
  },
  // Trailers some vendors (and Debian/Ubuntu's tooling) add.
  {
    re: new RegExp(`^\\s*upstream-commit:\\s*${HEX}\\b`, 'i'),
    make: (sha) => ({ kind: 'backport', sha, style: 'trailer' }),
  },
  {
    re: new RegExp(`^\\s*origin:\\s*\\S*?${HEX}\\b`, 'i'),
    make: (sha) => ({ kind: 'backport', sha, style: 'trailer' }),
  },
  // `git revert`: "This reverts commit <sha>."
  { re: new RegExp(`^\\s*this reverts commit ${HEX}\\b`, 'i'), make: (sha) => ({ kind: 'revert', sha }) },
];

// Cheap pre-filter: most body lines (Signed-off-by, prose) contain none of these words.
const HINT_RE = /commit|origin:/i;

/** The marker on one message line, or null. Shas are returned lower-case. */
export function parseMarkerLine(line: string): LineMarker | null {
  if (!HINT_RE.test(line)) return null;
  for (const rule of RULES) {
    const m = rule.re.exec(line);
    if (m?.[1]) return rule.make(m[1].toLowerCase());
  }
  return null;
}

const ANDROID_RE = /^(UPSTREAM|BACKPORT|FROMGIT|FROMLIST):\s*/;

/** Android's subject prefix (UPSTREAM:, BACKPORT:, FROMGIT:, FROMLIST:), if any. */
export function androidPrefix(subject: string): string | null {
  return ANDROID_RE.exec(subject)?.[1] ?? null;
}

/** A subject as compared with a fix's: Android prefix and `[PATCH ...]` tags dropped, whitespace collapsed. */
export function normalizeSubject(subject: string): string {
  return subject
    .replace(ANDROID_RE, '')
    .replace(/^\[[^\]]*\]\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
