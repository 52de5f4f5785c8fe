import type { Finding } from '../../analysis/exposure/assess-exposure.js';
import type { StatusView } from './status-view.js';

// OpenVEX v0.2.0 (openvex/spec OPENVEX-SPEC.md): one statement per listed CVE. The document's time is the data
// snapshot's, not the clock's, so the same inputs give the same bytes.
const CONTEXT = 'https://openvex.dev/ns/v0.2.0';

function statement(f: Finding, view: StatusView, product: string) {
  const r = view.report;
  const base = { vulnerability: { name: f.id }, products: [{ '@id': product }] };
  if (f.relevance?.status === 'not-built') {
    // The configuration does not compile the files the fix touched: the vulnerable code is not in the product.
    return {
      ...base,
      status: 'not_affected',
      justification: 'vulnerable_code_not_present',
      impact_statement: f.relevance.reason,
    };
  }
  const latest = r.branchLatest?.version;
  const action = f.fixedOnBranch
    ? `Update to Linux ${f.fixedOnBranch} or later${latest ? ` (latest on ${r.branch}: ${latest})` : ''}.`
    : `No release on the ${r.branch} branch fixes it${f.fixedUpstream ? `; fixed upstream in ${f.fixedUpstream}` : ''}: backport the fix or move to a newer branch.`;
  return { ...base, status: 'affected', action_statement: action };
}

/** OpenVEX document for the listed findings (affected, or not_affected where the config does not build them). */
export function renderStatusOpenvex(view: StatusView): string {
  const r = view.report;
  const product = `pkg:generic/linux@${r.version}`;
  const doc = {
    '@context': CONTEXT,
    '@id': `urn:kgap:status:linux-${r.version}:${r.snapshot.vulnsCommit.slice(0, 12)}`,
    author: 'kgap',
    timestamp: new Date(r.snapshot.vulnsCommitDate).toISOString(),
    version: 1,
    tooling: 'kgap status --format openvex',
    statements: view.shown.map((f) => statement(f, view, product)),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
