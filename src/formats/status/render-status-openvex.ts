import { documentTime, productOf, type StatusRenderOptions } from '../vex/vex-document.js';
import { planVexStatements, type VexStatement } from '../vex/vex-statements.js';
import type { StatusView } from './status-view.js';

// OpenVEX v0.2.0 (openvex/spec OPENVEX-SPEC.md): one statement per listed CVE. The document's time is the data
// snapshot's (or SOURCE_DATE_EPOCH), not the clock's, so the same inputs give the same bytes.
const CONTEXT = 'https://openvex.dev/ns/v0.2.0';

function statement(s: VexStatement, product: string) {
  const base = { vulnerability: { name: s.id }, products: [{ '@id': product }] };
  if (s.status === 'not_affected')
    return { ...base, status: s.status, justification: s.justification, impact_statement: s.detail };
  if (s.status === 'fixed') return { ...base, status: s.status, status_notes: s.detail };
  return { ...base, status: s.status, action_statement: s.action };
}

/** OpenVEX document for the listed findings (affected, not_affected where the config does not build them, fixed). */
export function renderStatusOpenvex(view: StatusView, options: StatusRenderOptions = {}): string {
  const r = view.report;
  const product = productOf(view).purl;
  const doc = {
    '@context': CONTEXT,
    '@id': `urn:kgap:status:linux-${r.version}:${r.snapshot.vulnsCommit.slice(0, 12)}${r.tree ? `:${r.tree.revSha.slice(0, 12)}` : ''}`,
    author: 'kgap',
    timestamp: documentTime(view, options),
    version: 1,
    tooling: 'kgap status --format openvex',
    statements: planVexStatements(view).map((s) => statement(s, product)),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
