import { RELEVANCE_SCHEMA_VERSION, type RelevanceReport } from '../../analysis/relevance/relevance-report.js';
import { escapeMarkdownCell, markdownCode, renderMarkdownTable } from '../text/markdown.js';
import { printableLine } from '../text/printable.js';
import { renderTextTable } from '../text/text-table.js';

export const RELEVANCE_FORMATS = ['table', 'json', 'markdown'] as const;
export type RelevanceFormat = (typeof RELEVANCE_FORMATS)[number];

const subject = (r: RelevanceReport): string =>
  r.cve === null ? 'the given files' : `${r.cve.id}: ${printableLine(r.cve.title)}`;
const fileRows = (r: RelevanceReport): string[][] =>
  r.relevance.files.map((f) => [f.path, f.status, f.module ?? '', f.reason]);

/** `; decided by --built-files` / `; decided by the build record DIR`, or nothing for Kbuild inference. */
const decidedBy = (r: RelevanceReport, code: (s: string) => string): string => {
  if (r.builtFiles) return `; decided by ${code('--built-files')}`;
  return r.buildDir === null ? '' : `; decided by the build record ${code(r.buildDir)}`;
};

/** Plain text: the verdict, its reason, then one row per touched file. */
export function renderRelevanceTable(r: RelevanceReport): string {
  const lines = [
    subject(r),
    `Relevance: ${r.relevance.status.toUpperCase()}${r.relevance.justification ? ` (VEX: ${r.relevance.justification})` : ''}`,
    `Why: ${printableLine(r.relevance.reason)}`,
    `Config: ${printableLine(r.config.path)} (${r.config.version ?? 'no version header'}, ${r.config.arch ?? 'arch unknown'}); source: ${printableLine(r.source.path)} (${r.source.version ?? 'version unknown'})${decidedBy(r, printableLine)}`,
    '',
    renderTextTable(['FILE', 'STATUS', 'MODULE', 'REASON'], fileRows(r)),
  ];
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return `${lines.join('\n')}\n`;
}

/** Markdown for tickets and reports. */
export function renderRelevanceMarkdown(r: RelevanceReport): string {
  const lines = [
    `## Relevance of ${escapeMarkdownCell(subject(r))}`,
    '',
    `- **Status:** ${r.relevance.status}${r.relevance.justification ? ` (VEX justification \`${r.relevance.justification}\`)` : ''}`,
    `- **Why:** ${escapeMarkdownCell(r.relevance.reason)}`,
    `- **Config:** ${markdownCode(r.config.path)} (${r.config.version ?? 'no version header'}, ${r.config.arch ?? 'arch unknown'})`,
    `- **Source:** ${markdownCode(r.source.path)} (${r.source.version ?? 'version unknown'})${decidedBy(r, markdownCode).replace(/^;/, ',')}`,
    ...r.warnings.map((w) => `- **Warning:** ${escapeMarkdownCell(w)}`),
    '',
    renderMarkdownTable(['File', 'Status', 'Module', 'Reason'], fileRows(r)),
  ];
  return `${lines.join('\n')}\n`;
}

/** JSON, schemaVersion 1 (documented in docs/semantics.md, "Relevance"): fixed key order, byte-stable. */
export function renderRelevanceJson(r: RelevanceReport): string {
  const doc = {
    schemaVersion: RELEVANCE_SCHEMA_VERSION,
    cve: r.cve?.id ?? null,
    title: r.cve?.title ?? null,
    config: { path: r.config.path, version: r.config.version, arch: r.config.arch },
    source: { path: r.source.path, version: r.source.version },
    builtFiles: r.builtFiles,
    buildDir: r.buildDir,
    relevance: {
      status: r.relevance.status,
      reason: r.relevance.reason,
      justification: r.relevance.justification,
      files: r.relevance.files.map((f) => ({
        path: f.path,
        status: f.status,
        ...(f.module === undefined ? {} : { module: f.module }),
        reason: f.reason,
      })),
    },
    warnings: r.warnings,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Renderers for `kgap relevance`, one per format. */
export const relevanceFormats = {
  table: renderRelevanceTable,
  json: renderRelevanceJson,
  markdown: renderRelevanceMarkdown,
} satisfies Record<RelevanceFormat, (r: RelevanceReport) => string>;
