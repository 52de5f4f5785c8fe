/**
 * The issues of a KCIDB gate submission (`render-gate-kcidb.ts`): each new crash signature of the candidate, and
 * each known issue that excused a failure, as a KCIDB issue (content-derived id, version 1) with incidents on
 * the candidate build or on the excused tests.
 */
import { createHash } from 'node:crypto';
import type { GateAssessment } from '../../domain/gate-assessment.js';

export const KCIDB_ORIGIN = 'kgap';

/** A short content hash for ids: the same input gives the same id, so a resubmission updates an object. */
export function kcidbHash(...parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16);
}

/** The candidate's build id and the KCIDB test ids of each of its kgap test ids. */
export type CandidateIds = { readonly buildId: string; readonly testIds: ReadonlyMap<string, readonly string[]> };

/** Issues and incidents: new crashes (culprit: the tested code) and the known issues that excused failures. */
export function kcidbIssues(a: GateAssessment, cand: CandidateIds): { issues: object[]; incidents: object[] } {
  const issues = new Map<string, object>();
  const incidents: object[] = [];
  const incident = (issueId: string, key: string, link: object, comment: string) =>
    incidents.push({
      id: `${cand.buildId}:${issueId.slice(KCIDB_ORIGIN.length + 1)}:${kcidbHash(key)}`,
      origin: KCIDB_ORIGIN,
      issue_id: issueId,
      issue_version: 1,
      ...link,
      present: true,
      comment,
    });
  for (const c of a.newCrashes) {
    const id = `${KCIDB_ORIGIN}:crash-${kcidbHash(c.signature)}`;
    issues.set(id, {
      id,
      version: 1,
      origin: KCIDB_ORIGIN,
      comment: c.signature,
      culprit: { code: true },
      misc: { kind: c.kind },
    });
    incident(id, c.signature, { build_id: cand.buildId }, c.example);
  }
  for (const e of a.expectedFailures) {
    if (e.knownIssue === undefined) continue;
    const id = `${KCIDB_ORIGIN}:known-${kcidbHash(e.knownIssue.reason)}`;
    const misc = e.knownIssue.expires === null ? {} : { misc: { expires: e.knownIssue.expires } };
    issues.set(id, { id, version: 1, origin: KCIDB_ORIGIN, comment: e.knownIssue.reason, ...misc });
    const tests = cand.testIds.get(e.test) ?? [];
    // An excused crash (or a test the candidate lacks) has no test object: the incident is on the build.
    if (tests.length === 0) incident(id, e.test, { build_id: cand.buildId }, e.test);
    for (const testId of tests) incident(id, testId, { test_id: testId }, e.test);
  }
  return { issues: [...issues.values()], incidents };
}
