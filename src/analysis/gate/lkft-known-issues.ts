/**
 * Which of an LKFT file's known issues apply to this gate: SQUAD applies an issue to a test run of project P in
 * environment E when the issue is active and lists E for P. The gate has no SQUAD around it, so the user says
 * which P and E its results stand for; an issue then excuses a failure like kgap's own, without an expiry (LKFT
 * retires an issue by setting `active: false`).
 */
import type { KnownIssue, LkftKnownIssues } from '../../domain/known-issue.js';

/** What the gate's results stand for in SQUAD's terms. */
export type LkftContext = { readonly environment: string; readonly project: string };

/** The problem with a context for this file (naming the input field), or null when both are declared in it. */
export function lkftContextProblem(
  file: LkftKnownIssues,
  context: Partial<LkftContext>,
): { readonly field: 'lkftEnvironment' | 'lkftProject'; readonly problem: string } | null {
  const environments = [...new Set(file.groups.flatMap((g) => g.environments))].sort();
  const projects = [...new Set(file.groups.flatMap((g) => g.projects))].sort();
  const some = (list: readonly string[]) => `${list.slice(0, 4).join(', ')}${list.length > 4 ? ', …' : ''}`;
  const check = (
    field: 'lkftEnvironment' | 'lkftProject',
    value: string | undefined,
    list: readonly string[],
    what: string,
  ) => {
    if (value === undefined) {
      return {
        field,
        problem: `is needed with an LKFT known-issues file: the SQUAD ${what} the results stand for (one of its ${list.length}: ${some(list)})`,
      };
    }
    return list.includes(value)
      ? null
      : {
          field,
          problem: `${value} is not one of the known-issues file's ${what}s (its ${list.length}: ${some(list)})`,
        };
  };
  return (
    check('lkftEnvironment', context.environment, environments, 'environment') ??
    check('lkftProject', context.project, projects, 'project')
  );
}

/** The active issues that apply to `context`, as known issues the gate matches (one per test name). */
export function selectLkftIssues(file: LkftKnownIssues, context: LkftContext): KnownIssue[] {
  return file.issues
    .filter((i) => i.active && (i.scope[context.project] ?? []).includes(context.environment))
    .map((i) => ({
      test: i.testName,
      crash: null,
      reason: `${i.notes ?? `LKFT known issue ${i.group}/${i.testName}`}${i.intermittent ? ' (intermittent)' : ''}`,
      expires: null,
      link: i.url,
    }));
}
