/**
 * The gate's inputs from files: the two sides (directories or files of results) and the known-issues file. Bad
 * input is an `InvalidInput` naming the use-case field (`baseline`, `candidate`, `knownIssues`), never a verdict.
 */
import { stat } from 'node:fs/promises';
import { InvalidInput } from '../../domain/invalid-input.js';
import type { KnownIssue, LkftKnownIssues } from '../../domain/known-issue.js';
import { readBoundedText } from '../io/read-bounded.js';
import { parseKnownIssues } from './parse-known-issues.js';
import { looksLikeLkftKnownIssues, parseLkftKnownIssues } from './parse-lkft-known-issues.js';
import { type ResultsDir, readResultsDir } from './read-results-dir.js';

/** Reads one side; a missing path or a side with neither results nor console logs is the user's to fix. */
export async function readGateSide(path: string, field: string, label = path): Promise<ResultsDir> {
  if ((await stat(path).catch(() => null)) === null) {
    throw new InvalidInput(field, `${label}: no such file or directory; pass a directory of test results`);
  }
  const side = await readResultsDir(path, field);
  if (side.runs.length === 0 && side.consoleLogs.length === 0) {
    throw new InvalidInput(
      field,
      `${label}: no test results (KTAP/TAP, LTP, kirk JSON, JUnit XML) or console logs found; see docs/gate.md`,
    );
  }
  return side;
}

/** A known-issues file as read: kgap's own JSON, or Linaro LKFT's `qa-reports-known-issues` YAML. */
export type KnownIssuesFile =
  | { readonly format: 'kgap'; readonly issues: readonly KnownIssue[] }
  | { readonly format: 'lkft'; readonly lkft: LkftKnownIssues };

/**
 * Reads and validates a known-issues file, in kgap's JSON (schema in docs/gate.md) or LKFT's YAML (a top-level
 * `projects:` list), told apart by content; read under the input size limit.
 */
export async function readKnownIssues(path: string, field = 'knownIssues', label = path): Promise<KnownIssuesFile> {
  const text = await readBoundedText(path, { field }).catch((e: NodeJS.ErrnoException) => {
    if (e instanceof InvalidInput) throw e;
    throw new InvalidInput(field, `${label}: cannot read the file (${e.code ?? e.message})`);
  });
  if (!text.trimStart().startsWith('{') && looksLikeLkftKnownIssues(text)) {
    const { problems, ...lkft } = parseLkftKnownIssues(text);
    if (problems.length > 0) {
      throw new InvalidInput(
        field,
        `${label}: ${problems.slice(0, 3).join('; ')} (LKFT known-issues format, docs/gate.md)`,
      );
    }
    return { format: 'lkft', lkft };
  }
  const { issues, problems } = parseKnownIssues(text);
  if (problems.length > 0) {
    throw new InvalidInput(field, `${label}: ${problems.slice(0, 3).join('; ')} (schema in docs/gate.md)`);
  }
  return { format: 'kgap', issues };
}
