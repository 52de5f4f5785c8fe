/**
 * Reads the affected / not-affected / fixed counts back out of each status format, independently of kgap's own
 * mapping code: each format's own fields, as a consumer (Dependency-Track, a SARIF viewer, GitLab) reads them.
 */
export type Counts = { affected: number; notAffected: number; fixed: number };

// biome-ignore lint/suspicious/noExplicitAny: parsed documents of seven shapes, read field by field as a consumer would.
type Json = Record<string, any>;

function tally(statuses: readonly string[], map: Record<string, keyof Counts | null>): Counts {
  const c: Counts = { affected: 0, notAffected: 0, fixed: 0 };
  for (const s of statuses) {
    const k = map[s];
    if (k === undefined) throw new Error(`unexpected status ${s}`);
    if (k) c[k]++;
  }
  return c;
}

/** The counts a `--format json` document states for its listed findings (and, in tree mode, carried fixes). */
export function countsOfJson(doc: Json): Counts {
  const listed = doc.affected as { relevance?: { status: string } }[];
  const notAffected = listed.filter((f) => f.relevance?.status === 'not-built').length;
  return { affected: listed.length - notAffected, notAffected, fixed: doc.tree?.carriedAhead?.length ?? 0 };
}

/** The counts of a rendered document in one of the status formats. */
export function countsOf(format: string, text: string): Counts {
  if (format === 'openvex')
    return tally(
      JSON.parse(text).statements.map((s: Json) => s.status),
      { affected: 'affected', not_affected: 'notAffected', fixed: 'fixed' },
    );
  if (format === 'cyclonedx')
    return tally(
      JSON.parse(text).vulnerabilities.map((v: Json) => v.analysis.state),
      {
        exploitable: 'affected',
        in_triage: 'affected',
        not_affected: 'notAffected',
        resolved_with_pedigree: 'fixed',
      },
    );
  if (format === 'csaf')
    return tally(
      JSON.parse(text).vulnerabilities.flatMap((v: Json) => Object.keys(v.product_status)),
      { known_affected: 'affected', known_not_affected: 'notAffected', fixed: 'fixed' },
    );
  if (format === 'sarif')
    return tally(
      JSON.parse(text).runs[0].results.map((r: Json) => (r.suppressions ? 'suppressed' : r.kind)),
      { fail: 'affected', suppressed: 'notAffected', pass: 'fixed' },
    );
  if (format === 'gitlab')
    return tally(
      JSON.parse(text).map((i: Json) => (String(i.description).startsWith('Not affected:') ? 'na' : 'a')),
      { a: 'affected', na: 'notAffected' },
    );
  if (format === 'html') {
    const statuses = [...text.matchAll(/<tr class="[a-z_]+" data-status="([a-z_]+)">/g)].map((m) => m[1] ?? '');
    return tally(statuses, { affected: 'affected', not_affected: 'notAffected', fixed: 'fixed' });
  }
  if (format === 'github') {
    const m = /affected (\d+), not affected (\d+), fixed (\d+);/.exec(text);
    if (!m) throw new Error('no counts line');
    return { affected: Number(m[1]), notAffected: Number(m[2]), fixed: Number(m[3]) };
  }
  throw new Error(`no counter for ${format}`);
}
