/**
 * The gate use-case: two sides of test evidence in, a go / no-go report out. Reads both sides and the known-issues
 * file through `sources/results/`, decides with `analysis/gate/`. Bad input is an `InvalidInput` naming the field
 * (exit 2 in the CLI), never a verdict. Never prints.
 */
import { assessGate } from '../../analysis/gate/assess-gate.js';
import { lkftContextProblem, selectLkftIssues } from '../../analysis/gate/lkft-known-issues.js';
import { type Day, requireDay } from '../../domain/day.js';
import type { GatePolicy } from '../../domain/gate-assessment.js';
import type { GateView } from '../../domain/gate-view.js';
import { InvalidInput } from '../../domain/invalid-input.js';
import type { KnownIssue } from '../../domain/known-issue.js';
import { readGateSide, readKnownIssues } from '../../sources/results/read-gate-inputs.js';

export type GateInput = {
  /** Results of the kernel in the field: a directory (searched recursively) or one file. */
  readonly baseline: string;
  /** Results of the update candidate. */
  readonly candidate: string;
  /** A known-issues file: kgap's JSON or Linaro LKFT's `qa-reports-known-issues` YAML (docs/gate.md). */
  readonly knownIssues?: string;
  /** With an LKFT file: the SQUAD environment (`qemu-arm64`) and project the results stand for. */
  readonly lkftEnvironment?: string;
  readonly lkftProject?: string;
  /** The day the gate runs (UTC): known issues expire relative to it. The caller reads the clock. */
  readonly asOf: Day;
  readonly policy?: Partial<GatePolicy>;
  /**
   * What the report and the messages call each input, when not its path (results uploaded to `kgap serve` are read
   * from a temporary directory whose name means nothing to the sender).
   */
  readonly labels?: { readonly baseline?: string; readonly candidate?: string; readonly knownIssues?: string };
};

/** Reads both sides and decides. */
export async function runGate(input: GateInput): Promise<GateView> {
  const asOf = requireDay('asOf', input.asOf);
  const baseline = await readGateSide(input.baseline, 'baseline', input.labels?.baseline);
  const candidate = await readGateSide(input.candidate, 'candidate', input.labels?.candidate);
  const knownIssues = input.knownIssues === undefined ? [] : await knownIssuesOf(input, input.knownIssues);
  const assessment = assessGate(baseline, candidate, {
    asOf,
    knownIssues,
    ...(input.policy === undefined ? {} : { policy: input.policy }),
  });
  return {
    assessment,
    baselinePath: input.labels?.baseline ?? input.baseline,
    candidatePath: input.labels?.candidate ?? input.candidate,
    evidence: { baseline, candidate },
  };
}

/**
 * The known issues of the file, those of an LKFT file chosen by its SQUAD project and environment. Bad input is
 * an `InvalidInput` naming `knownIssues`, `lkftEnvironment` or `lkftProject`.
 */
export async function knownIssuesOf(input: GateInput, path: string): Promise<readonly KnownIssue[]> {
  const file = await readKnownIssues(path, 'knownIssues', input.labels?.knownIssues);
  if (file.format === 'kgap') return file.issues;
  const context = { environment: input.lkftEnvironment, project: input.lkftProject };
  const wrong = lkftContextProblem(file.lkft, context);
  if (wrong !== null) throw new InvalidInput(wrong.field, wrong.problem);
  return selectLkftIssues(file.lkft, { environment: context.environment ?? '', project: context.project ?? '' });
}
