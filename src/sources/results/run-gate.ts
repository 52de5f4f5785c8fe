/**
 * The gate from two results directories: reads both sides and the known-issues file, validates what the
 * user gave, and assesses. The `gate` command calls it; `kgap boot`-driven gating calls it with the
 * directories it wrote. Bad input is a `UserError` (exit 2), never a verdict.
 */
import { readFile, stat } from 'node:fs/promises';
import { assessGate } from '../../analysis/gate/assess-gate.js';
import type { GatePolicy } from '../../analysis/gate/gate-report.js';
import type { KnownIssue } from '../../analysis/gate/known-issues.js';
import { UserError } from '../../domain/user-error.js';
import type { GateView } from '../../formats/gate/gate-view.js';
import { parseKnownIssues } from './parse-known-issues.js';
import { type ResultsDir, readResultsDir } from './read-results-dir.js';

export type RunGateOptions = {
  readonly baseline: string;
  readonly candidate: string;
  readonly knownIssues?: string;
  /** The day the gate runs, `YYYY-MM-DD` (known issues expire relative to it). */
  readonly asOf: string;
  readonly policy?: Partial<GatePolicy>;
};

/** Reads one side; a missing path or a side with neither results nor console logs is the user's to fix. */
export async function readGateSide(path: string, label: string): Promise<ResultsDir> {
  try {
    await stat(path);
  } catch {
    throw new UserError(`--${label} ${path}: no such file or directory; pass a directory of test results`);
  }
  const side = await readResultsDir(path);
  if (side.runs.length === 0 && side.consoleLogs.length === 0) {
    throw new UserError(
      `--${label} ${path}: no test results (KTAP/TAP, LTP, kirk JSON, JUnit XML) or console logs found; see docs/gate.md`,
    );
  }
  return side;
}

/** Reads and validates a known-issues file. */
export async function readKnownIssues(path: string): Promise<readonly KnownIssue[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UserError(`--known-issues ${path}: cannot read the file`);
  }
  const { issues, problems } = parseKnownIssues(text);
  if (problems.length > 0) {
    throw new UserError(`--known-issues ${path}: ${problems.slice(0, 3).join('; ')} (schema in docs/gate.md)`);
  }
  return issues;
}

/** Reads both sides and decides. */
export async function runGate(options: RunGateOptions): Promise<GateView> {
  const [baseline, candidate] = [
    await readGateSide(options.baseline, 'baseline'),
    await readGateSide(options.candidate, 'candidate'),
  ];
  const knownIssues = options.knownIssues === undefined ? [] : await readKnownIssues(options.knownIssues);
  const assessment = assessGate(baseline, candidate, {
    asOf: options.asOf,
    knownIssues,
    ...(options.policy === undefined ? {} : { policy: options.policy }),
  });
  return { assessment, baselinePath: options.baseline, candidatePath: options.candidate };
}
