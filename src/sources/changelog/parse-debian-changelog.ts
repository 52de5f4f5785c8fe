import { CVE_ID_PATTERN } from '../../domain/cve-id.js';
import { formatKernelVersion, parseKernelVersion } from '../../domain/kernel-version.js';
import type { StableCommit } from '../../domain/stable-commit.js';
import { UserError } from '../../domain/user-error.js';

/** One upstream stable release as a Debian upload lists it: the `ChangeLog-X.Y.Z` URL and the subjects under it. */
export type StableUpdate = {
  readonly release: string;
  /** The Debian package version whose entry lists it, e.g. `6.1.187-1`. */
  readonly packageVersion: string;
  readonly commits: readonly StableCommit[];
};

/** A parsed Debian kernel changelog: its stable updates, newest first, and lines it could not place. */
export type DebianChangelog = {
  readonly packageName: string;
  readonly newestPackageVersion: string;
  readonly updates: readonly StableUpdate[];
  readonly problems: readonly string[];
};

// deb-changelog(5): `package (version) distributions; metadata`, then `  * ` items, then ` -- maintainer  date`.
const HEADER_RE = /^([a-z0-9][a-z0-9+.-]*) \(([^()\s]+)\) [^;]+;/;
const URL_RE = /^\s+https?:\/\/\S*\/ChangeLog-(\S+?)\s*$/;
// Debian lists each commit as `    - subject`; sub-lists use `+`, and one upload has a stray `*`.
const BULLET_RE = /^( {4,})[-*+] (.*)$/;
const CONTINUATION_RE = /^ {5,}(\S.*)$/;
// `(CVE-2026-1, CVE-2026-2)` at the end of a subject is Debian's annotation, not part of the commit subject.
const CVE_SUFFIX_RE = new RegExp(`^\\((${CVE_ID_PATTERN}(?:,\\s*${CVE_ID_PATTERN})*)\\)\\s*$`);
// `[x86]`, `[arm*]`, `[amd64,arm64]`: the architectures Debian builds the change for.
const ARCH_PREFIX_RE = /^\[([a-z0-9*_,\s]+)\]\s+/;

type Item = { indent: number; text: string };
type Open = { release: string; packageVersion: string; items: Item[] };

/** Splits Debian's annotations off a listed commit. */
export function parseChangelogSubject(text: string): { subject: string; archTag: string | null; cveIds: string[] } {
  // Anchored at the last "(CVE-": a regex scanning every position of 52,000 subjects is slow.
  const at = text.lastIndexOf('(CVE-');
  const m = at >= 0 ? CVE_SUFFIX_RE.exec(text.slice(at)) : null;
  const cveIds = m?.[1] ? m[1].split(/,\s*/) : [];
  const annotated = m ? text.slice(0, at) : text;
  const arch = ARCH_PREFIX_RE.exec(annotated);
  const subject = (arch ? annotated.slice(arch[0].length) : annotated).trim();
  return { subject, archTag: arch?.[1]?.trim() ?? null, cveIds };
}

// A bullet followed by deeper bullets is a heading over them (`- x86: retbleed fixes:` + `+ …`), not a commit.
function commitsOf(open: Open): StableCommit[] {
  return open.items
    .filter((item, i) => (open.items[i + 1]?.indent ?? 0) <= item.indent)
    .map((item) => ({ release: open.release, sha: null, ...parseChangelogSubject(item.text) }));
}

function rejectOtherFormats(firstLine: string, source: string): never {
  if (/^commit [0-9a-f]{40}/.test(firstLine)) {
    throw new UserError(
      `${source} is a kernel.org ChangeLog, not a Debian changelog; pass changelog.Debian.gz of a linux-image package`,
    );
  }
  throw new UserError(
    `${source} is not a Debian changelog (the first line should look like "linux (6.1.192-3) bookworm-security; urgency=high")`,
  );
}

/**
 * Parses Debian's kernel changelog (`changelog.Debian`): each `New upstream stable update:` item lists
 * `https://www.kernel.org/pub/linux/kernel/v6.x/ChangeLog-6.1.N` URLs, each followed by one line per commit
 * subject (wrapped lines continue with deeper indentation). Pure; throws UserError for another format.
 */
export function parseDebianChangelog(text: string, source = 'changelog'): DebianChangelog {
  const lines = text.split(/\r?\n/);
  const first = lines.find((l) => l.trim() !== '') ?? '';
  const header = HEADER_RE.exec(first);
  if (!header) rejectOtherFormats(first, source);
  const updates: StableUpdate[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  let packageVersion = header[2] ?? '';
  let inUpdate = false;
  let open: Open | null = null;
  const flush = () => {
    if (open === null) return;
    if (seen.has(open.release))
      problems.push(`${open.release} listed again under ${open.packageVersion}; kept the first`);
    else updates.push({ release: open.release, packageVersion: open.packageVersion, commits: commitsOf(open) });
    seen.add(open.release);
    open = null;
  };
  lines.forEach((line, i) => {
    const h = HEADER_RE.exec(line);
    if (h || line.startsWith(' -- ') || /^ {2}[*[]/.test(line)) {
      flush();
      if (h) packageVersion = h[2] ?? '';
      inUpdate = /^ {2}\* New upstream stable update:/.test(line);
      return;
    }
    if (!inUpdate || line.trim() === '') return;
    const url = URL_RE.exec(line);
    if (url) {
      flush();
      const v = parseKernelVersion(url[1] ?? '');
      if (v === null || v.rc !== null) problems.push(`line ${i + 1}: "${url[1]}" is not a stable release`);
      else open = { release: formatKernelVersion(v), packageVersion, items: [] };
      return;
    }
    const current = open as Open | null;
    const bullet = BULLET_RE.exec(line);
    if (bullet && current) current.items.push({ indent: bullet[1]?.length ?? 4, text: bullet[2] ?? '' });
    else if (current && current.items.length > 0 && CONTINUATION_RE.test(line)) {
      const last = current.items[current.items.length - 1] as Item;
      last.text = `${last.text} ${line.trim()}`;
    } else problems.push(`line ${i + 1}: not a commit subject: "${line.trim().slice(0, 60)}"`);
  });
  flush();
  if (updates.length === 0) {
    throw new UserError(
      `${source} has no "New upstream stable update" entries; pass the changelog of Debian's linux-image package`,
    );
  }
  return { packageName: header[1] ?? '', newestPackageVersion: header[2] ?? '', updates, problems };
}
