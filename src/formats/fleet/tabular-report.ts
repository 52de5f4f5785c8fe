import { renderMarkdownTable } from '../text/markdown.js';
import { renderTextTable } from '../text/text-table.js';

/** Version of every `kgap fleet … --format json` document (docs/fleet.md). */
export const FLEET_JSON_SCHEMA_VERSION = 1;

/** A fleet report as lines of text around one table, and as a JSON document. */
export type TabularSpec<T> = {
  /** Lines before the table (a heading in Markdown). */
  readonly lead: (report: T) => readonly string[];
  readonly header: readonly string[];
  readonly rows: (report: T) => readonly (readonly string[])[];
  /** Lines after the table. */
  readonly tail?: (report: T) => readonly string[];
  /** The JSON document (without `schemaVersion`, which is added first). */
  readonly json: (report: T) => object;
};

/** The three renderers (`table`, `json`, `markdown`) of a report described once. Pure. */
export function tabularRenderers<T>(spec: TabularSpec<T>) {
  const block = (lines: readonly string[]) => (lines.length > 0 ? `${lines.join('\n')}\n\n` : '');
  const after = (lines: readonly string[]) => (lines.length > 0 ? `\n\n${lines.join('\n')}` : '');
  return {
    table: (r: T) => {
      const rows = spec.rows(r);
      const body = rows.length > 0 ? renderTextTable(spec.header, rows) : '(none)';
      return `${block(spec.lead(r))}${body}${after(spec.tail?.(r) ?? [])}\n`;
    },
    json: (r: T) => `${JSON.stringify({ schemaVersion: FLEET_JSON_SCHEMA_VERSION, ...spec.json(r) }, null, 2)}\n`,
    markdown: (r: T) => {
      const [first = '', ...rest] = spec.lead(r);
      const rows = spec.rows(r);
      const body = rows.length > 0 ? renderMarkdownTable(spec.header, rows) : '_(none)_';
      return `${block([`## ${first}`, ...(rest.length ? ['', ...rest.map((l) => `${l}  `)] : [])])}${body}${after(spec.tail?.(r) ?? [])}\n`;
    },
  };
}
