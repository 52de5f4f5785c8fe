/**
 * The per-branch verdict cache's file format (read by app/status/read-branch-view.ts). A warm `status` reads it
 * whole, so it is laid out for reading fast: the records are one string of lines (one JSON string parses at copy
 * speed; only the lines of the hits are split into fields), the spans one flat array of numbers, and the records
 * are stored in finding order (most severe first), so the findings of a release come out sorted. Pure.
 */
import type { CveRecord, Severity } from '../../domain/cve.js';
import type { BranchView } from './assess-branch-exposure.js';
import { compareByFindingOrder } from './assess-exposure.js';
import { AFFECTEDNESS_RULES_VERSION } from './assess-version.js';
import type { BranchEntry } from './plan-branch-verdicts.js';

/** A branch view as the cache file holds it (see `encodeBranchView`). */
export type StoredBranchView = {
  /** AFFECTEDNESS_RULES_VERSION the verdicts were made with. */
  rules: number;
  vulnsCommit: string;
  vulnsCommitDate: string;
  source: string;
  totals: { records: number; recordProblems: number };
  /** One line per record: id, title, published, `score|severity|vector` or "", then the program files; tab-separated. */
  records: string;
  /** One line per record: the mainline release with the fix, or "". */
  fixedUpstream: string;
  /** Three numbers per span: record line, first sublevel, end sublevel (-1: none); a flat array parses fast. */
  spans: number[];
  /** One line per span: fixedOnBranch or "", ambiguousReason or "", rule; tab-separated. */
  spanInfo: string;
};

// Tabs, newlines and backslashes inside a field (a hostile title) are escaped so that lines and fields stay apart.
const escapeField = (text: string) =>
  /[\\\t\n]/.test(text) ? text.replace(/[\\\t\n]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : '\\n')) : text;
const unescapeField = (text: string) =>
  text.includes('\\') ? text.replace(/\\(.)/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c)) : text;
const lineOf = (fields: readonly string[]) => fields.map(escapeField).join('\t');
function fieldsOf(line: string | undefined): string[] {
  const fields = (line ?? '').split('\t');
  if (line?.includes('\\')) for (let i = 0; i < fields.length; i++) fields[i] = unescapeField(fields[i] as string);
  return fields;
}

const findingKey = (r: CveRecord) => ({ id: r.id, severity: r.cvss?.severity ?? null, cvss: r.cvss?.score ?? null });

/** The cache file's form of a branch view: records in finding order, packed for a fast read. */
export function encodeBranchView(view: BranchView): StoredBranchView {
  const order = view.entries
    .map((entry) => ({ entry, record: view.records[entry.record] as CveRecord }))
    .sort((a, b) => compareByFindingOrder(findingKey(a.record), findingKey(b.record)));
  const spans: number[] = [];
  const spanInfo: string[] = [];
  order.forEach(({ entry }, line) => {
    for (const s of entry.spans) {
      spans.push(line, s.from, s.to ?? -1);
      spanInfo.push(lineOf([s.fixedOnBranch ?? '', s.ambiguousReason ?? '', s.rule]));
    }
  });
  return {
    rules: AFFECTEDNESS_RULES_VERSION,
    ...view.index,
    totals: view.totals,
    records: order
      .map(({ record: r }) =>
        lineOf([
          r.id,
          r.title,
          r.published,
          r.cvss ? `${r.cvss.score}|${r.cvss.severity}|${r.cvss.vector}` : '',
          ...r.programFiles,
        ]),
      )
      .join('\n'),
    fixedUpstream: order.map(({ entry }) => escapeField(entry.fixedUpstream ?? '')).join('\n'),
    spans,
    spanInfo: spanInfo.join('\n'),
  } as StoredBranchView;
}

/**
 * The view restricted to the records that affect the release at `sublevel` (the others are never built), each with
 * the one span that holds it; or, with `'all'`, every record of the branch with all its spans.
 */
export function decodeBranchView(s: StoredBranchView, sublevel: number | 'all'): BranchView {
  const none: readonly string[] = [];
  const lines = s.records.split('\n');
  const upstream = s.fixedUpstream.split('\n');
  const infos = s.spanInfo.split('\n');
  const records: CveRecord[] = [];
  const entries: BranchEntry[] = [];
  let lastLine = -1;
  for (let k = 0; k < s.spans.length; k += 3) {
    const line = s.spans[k] as number;
    const from = s.spans[k + 1] as number;
    const to = s.spans[k + 2] as number;
    if (sublevel !== 'all' && (sublevel < from || (to !== -1 && sublevel >= to))) continue;
    // Indexing, not array destructuring: this loop runs once per finding, mostly before V8 optimizes it, and
    // destructuring in unoptimized code goes through the iterator protocol (docs/performance.md, "Start-up").
    const info = fieldsOf(infos[k / 3]);
    const fixedOnBranch = info[0] ?? '';
    const ambiguousReason = info[1] ?? '';
    const rule = info[2] ?? '';
    const span = {
      from,
      to: to === -1 ? null : to,
      fixedOnBranch: fixedOnBranch || null,
      // An ambiguous verdict always has its reason (assessVersion), so "" stands for "not ambiguous".
      ambiguous: ambiguousReason !== '',
      ambiguousReason: ambiguousReason || null,
      rule: rule as BranchEntry['spans'][number]['rule'],
    };
    // Spans of one record are stored together: with 'all', a record's further spans join its entry.
    const last = entries.at(-1);
    if (sublevel === 'all' && last !== undefined && lastLine === line) {
      (last.spans as BranchEntry['spans'][number][]).push(span);
      continue;
    }
    lastLine = line;
    const fields = fieldsOf(lines[line]);
    const cvssText = fields[3] ?? '';
    const files = fields.length > 4 ? fields.slice(4) : none;
    const cvss = cvssText.split('|');
    entries.push({ record: records.length, fixedUpstream: unescapeField(upstream[line] ?? '') || null, spans: [span] });
    records.push({
      id: fields[0] ?? '',
      title: fields[1] ?? '',
      published: fields[2] ?? '',
      modified: '',
      cvss:
        cvssText === ''
          ? null
          : { score: Number(cvss[0] ?? '0'), severity: (cvss[1] ?? 'none') as Severity, vector: cvss[2] ?? '' },
      dyad: [],
      fixShas: none,
      vulnerableShas: none,
      programFiles: files,
    });
  }
  const { totals, vulnsCommit, vulnsCommitDate, source } = s;
  return { index: { schemaVersion: 1, vulnsCommit, vulnsCommitDate, source }, totals, records, entries };
}
