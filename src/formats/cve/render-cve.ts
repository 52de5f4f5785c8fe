import type { CveDetail } from '../../analysis/exposure/plan-cve-detail.js';
import { printableLine } from '../text/printable.js';
import { renderTextTable } from '../text/text-table.js';

export const CVE_FORMATS = ['table', 'json'] as const;
export type CveFormat = (typeof CVE_FORMATS)[number];

function verdictLine(detail: CveDetail): string | null {
  const v = detail.verdict;
  if (!v) return null;
  const r = v.result;
  if (!r.affected)
    return `${v.version}: not affected${r.fixedOnBranch ? ` (has the fix from ${r.fixedOnBranch})` : ''} [rule ${r.rule}]`;
  const fix = r.fixedOnBranch ? `fixed on its branch in ${r.fixedOnBranch}` : 'no fix on its branch';
  return `${v.version}: AFFECTED, ${fix}${r.ambiguous ? ` (ambiguous: ${r.ambiguousReason})` : ''} [rule ${r.rule}]`;
}

function renderText(detail: CveDetail): string {
  const r = detail.record;
  const lines = [
    `${r.id}: ${printableLine(r.title)}`,
    `CVSS: ${r.cvss ? `${r.cvss.score} ${r.cvss.severity} (${r.cvss.vector})` : 'not scored'}`,
    `Published: ${r.published}; last modified: ${r.modified}`,
    `Mainline fix: ${r.fixShas.join(', ') || 'unknown'}`,
  ];
  if (r.vulnerableShas.length) lines.push(`Introduced by (CNA override): ${r.vulnerableShas.join(', ')}`);
  if (r.programFiles.length) lines.push(`Files: ${r.programFiles.join(', ')}`);
  const verdict = verdictLine(detail);
  if (verdict) lines.push(verdict);
  const rows = detail.branches.map((b) => [
    b.branch,
    b.introduced ?? 'unknown',
    b.introducedCommit?.slice(0, 12) ?? '-',
    b.fixed ?? 'not fixed',
    b.fixedCommit?.slice(0, 12) ?? '-',
  ]);
  lines.push('', renderTextTable(['BRANCH', 'INTRODUCED', 'COMMIT', 'FIXED', 'COMMIT'], rows));
  if (detail.description) lines.push('', detail.description.trim());
  return `${lines.join('\n')}\n`;
}

function renderJson(detail: CveDetail): string {
  const r = detail.record;
  const doc = {
    schemaVersion: 1,
    id: r.id,
    title: r.title,
    // Keys written out one by one: the order is the contract, whichever path built the record (fresh or cached).
    cvss: r.cvss === null ? null : { score: r.cvss.score, severity: r.cvss.severity, vector: r.cvss.vector },
    published: r.published,
    modified: r.modified,
    fixCommits: r.fixShas,
    vulnerableCommits: r.vulnerableShas,
    programFiles: r.programFiles,
    branches: detail.branches,
    verdict: detail.verdict,
    description: detail.description,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Renderers for `kgap cve`. */
export const cveFormats = { table: renderText, json: renderJson } satisfies Record<CveFormat, (d: CveDetail) => string>;
