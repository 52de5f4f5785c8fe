import type { CveRecord } from './cve.js';

/** Every commit id the records name (fixes, introducing commits, `.vulnerable`), as written, de-duplicated. */
export function recordCommitIds(records: readonly CveRecord[]): { fixes: string[]; all: string[] } {
  const fixes = new Set<string>();
  const all = new Set<string>();
  for (const r of records) {
    for (const sha of r.fixShas) fixes.add(sha);
    for (const d of r.dyad) {
      if (d.fixSha) fixes.add(d.fixSha);
      if (d.introSha) all.add(d.introSha);
    }
    for (const sha of r.vulnerableShas) all.add(sha);
  }
  for (const sha of fixes) all.add(sha);
  return { fixes: [...fixes].sort(), all: [...all].sort() };
}

/**
 * Finds commit ids by prefix in either direction (a record or a message may abbreviate, >= 12 hex digits): keyed by
 * the first 12 digits, so a lookup is one map access, not a scan.
 */
export class ShaPrefixIndex {
  private readonly byKey = new Map<string, string[]>();

  constructor(ids: Iterable<string>) {
    for (const id of ids) {
      if (id.length < 12) continue;
      const key = id.slice(0, 12);
      const list = this.byKey.get(key);
      if (list) list.push(id);
      else this.byKey.set(key, [id]);
    }
  }

  /** The indexed ids that `sha` and they agree on (one is a prefix of the other). */
  find(sha: string): readonly string[] {
    if (sha.length < 12) return [];
    const list = this.byKey.get(sha.slice(0, 12));
    if (!list) return [];
    return list.filter((id) => (id.length <= sha.length ? sha.startsWith(id) : id.startsWith(sha)));
  }
}
