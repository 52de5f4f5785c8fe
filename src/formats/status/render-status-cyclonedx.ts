/**
 * CycloneDX 1.6 JSON (a VEX BOM): the kernel as `metadata.component`, one `vulnerabilities[]` entry per statement.
 * Built with the CycloneDX project's own library (`@cyclonedx/cyclonedx-library`), which owns the field names,
 * enum spellings and ordering (`sortLists`); kgap only maps its verdicts (docs/formats.md, "CycloneDX").
 */
import { Enums, Models, Serialize, Spec } from '@cyclonedx/cyclonedx-library';
import type { Cvss } from '../../domain/cve.js';
import {
  documentTime,
  KGAP_VERSION,
  type ProductIdentity,
  productOf,
  publicationKey,
  type StatusRenderOptions,
  stableUuid,
} from '../vex/vex-document.js';
import { planVexStatements, type VexStatement } from '../vex/vex-statements.js';
import type { StatusView } from './status-view.js';

const { AnalysisJustification, AnalysisResponse, AnalysisState, AffectStatus, RatingMethod, Severity } =
  Enums.Vulnerability;
const V = Models.Vulnerability;

/** The kernel CNA: the source of every record and of the CVSS vector it carries. */
function sourceOf(id: string) {
  return new V.Source({ name: 'Linux kernel CNA', url: `https://www.cve.org/CVERecord?id=${id}` });
}

function methodOf(vector: string) {
  if (vector.startsWith('CVSS:3.1/')) return RatingMethod.CVSSv31;
  if (vector.startsWith('CVSS:3.0/')) return RatingMethod.CVSSv3;
  if (vector.startsWith('CVSS:4.0/')) return RatingMethod.CVSSv4;
  return RatingMethod.Other;
}

function ratingOf(id: string, cvss: Cvss) {
  const severity = cvss.severity === 'none' ? Severity.None : Severity[capitalized(cvss.severity)];
  return new V.Rating({
    source: sourceOf(id),
    score: cvss.score,
    severity,
    method: methodOf(cvss.vector),
    vector: cvss.vector,
  });
}

function capitalized<T extends string>(s: T): Capitalize<T> {
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}` as Capitalize<T>;
}

function analysisOf(s: VexStatement) {
  if (s.status === 'not_affected')
    return new V.Analysis({
      state: AnalysisState.NotAffected,
      justification: AnalysisJustification.CodeNotPresent,
      detail: s.detail ?? undefined,
    });
  if (s.status === 'fixed')
    return new V.Analysis({ state: AnalysisState.ResolvedWithPedigree, detail: s.detail ?? undefined });
  // With a config that builds the code, the product ships it: exploitable. Without one (or when relevance cannot
  // tell) kgap only knows the version carries it: in triage.
  const built = s.relevance === 'built';
  const fixable = s.fixRelease !== null || s.fixedUpstream !== null;
  return new V.Analysis({
    state: built ? AnalysisState.Exploitable : AnalysisState.InTriage,
    response: fixable ? new Enums.Vulnerability.AnalysisResponseRepository([AnalysisResponse.Update]) : undefined,
    detail:
      [s.fixRelease ? `fixed on the branch in ${s.fixRelease}` : null, s.detail].filter(Boolean).join('; ') ||
      undefined,
  });
}

function vulnerabilityOf(s: VexStatement, kernel: Models.Component) {
  const v = new V.Vulnerability({
    bomRef: s.id,
    id: s.id,
    source: sourceOf(s.id),
    description: s.title ?? undefined,
    recommendation: s.action ?? undefined,
    published: s.published ? new Date(`${s.published}T00:00:00Z`) : undefined,
    analysis: analysisOf(s),
  });
  if (s.cvss) v.ratings.add(ratingOf(s.id, s.cvss));
  const status = s.status === 'affected' ? AffectStatus.Affected : AffectStatus.Unaffected;
  const version = new V.AffectedSingleVersion(kernel.version ?? '', { status });
  v.affects.add(new V.Affect(kernel.bomRef, { versions: new V.AffectedVersionRepository([version]) }));
  return v;
}

function kernelComponent(p: ProductIdentity) {
  const c = new Models.Component(Enums.ComponentType.OperatingSystem, 'linux', {
    bomRef: p.purl,
    version: p.version,
    purl: p.purl,
    cpe: p.cpe,
    description: p.name,
  });
  if (p.commit) c.properties.add(new Models.Property('kgap:tree:commit', p.commit));
  return c;
}

/** CycloneDX 1.6 JSON for the view's statements; byte-stable for the same inputs (sorted lists, fixed time). */
export function renderStatusCyclonedx(view: StatusView, options: StatusRenderOptions = {}): string {
  const r = view.report;
  const statements = planVexStatements(view);
  const product = productOf(view);
  const kernel = kernelComponent(product);
  const bom = new Models.Bom({ serialNumber: `urn:uuid:${stableUuid(publicationKey(view, statements))}` });
  bom.metadata.timestamp = new Date(documentTime(view, options));
  bom.metadata.component = kernel;
  bom.metadata.tools.components.add(
    new Models.Component(Enums.ComponentType.Application, 'kgap', { version: KGAP_VERSION }),
  );
  const props: [string, string][] = [
    ['kgap:data:vulns-commit', r.snapshot.vulnsCommit],
    ['kgap:data:releases-as-of', r.snapshot.releasesAsOf ?? 'unknown'],
    ...view.filters.map((f): [string, string] => ['kgap:filter', f]),
  ];
  for (const [name, value] of props) bom.metadata.properties.add(new Models.Property(name, value));
  for (const s of statements) bom.vulnerabilities.add(vulnerabilityOf(s, kernel));
  const normalized = new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6)
    .makeForBom()
    .normalize(bom, { sortLists: true });
  // The library has no pedigree model: the fixes a tree carries (resolved_with_pedigree) are listed here, as
  // the evidence CycloneDX asks that state to point at.
  const carried = r.tree?.carriedAhead ?? [];
  const component = normalized.metadata?.component as Record<string, unknown> | undefined;
  if (component && carried.length) {
    component.pedigree = {
      commits: [...carried]
        .sort((a, b) => (a.commit < b.commit ? -1 : a.commit > b.commit ? 1 : 0))
        .map((c) => ({ uid: c.commit, message: `fix for ${c.id} (${c.kind})` })),
    };
  }
  return `${JSON.stringify(normalized, null, 2)}\n`;
}
