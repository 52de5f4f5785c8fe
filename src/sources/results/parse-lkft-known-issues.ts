/**
 * Linaro LKFT's known issues, in the `qa-reports-known-issues` YAML its `sync_known_issues.py` pushes to SQUAD
 * (qa-reports.linaro.org). Read the way that script reads it (YAML 1.1 with anchors and aliases, as PyYAML's
 * SafeLoader does), with the same rules:
 * - `projects:` is a list of groups `{ name, projects, environments, known_issues }`;
 * - an issue names its tests with `test_names` (a list; a plain string is an error) and/or `test_name`, and
 *   becomes one issue per name; a name defined twice in a group is an error;
 * - it applies to `projects` x `environments`, or to the union of the pairs of `matrix_apply` (then neither of
 *   the two may be given), each project and environment being one its group declares;
 * - `intermittent` may be missing (null); a missing `active` is false, as SQUAD's API stores an absent boolean.
 * Test names are `<suite>/<test>` and may hold `*` (SQUAD matches them as patterns, Linaro/squad#993).
 * Numbers are read as the text they are: the format has none, and the `yaml` package's YAML 1.1 float rule would
 * read an environment called `e1` as NaN where PyYAML reads a string.
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { LkftKnownIssue, LkftKnownIssues } from '../../domain/known-issue.js';

const Names = z.array(z.string().min(1));
const Pair = z.object({ environments: Names, projects: Names });
const Issue = z.object({
  test_name: z.string().min(1).optional(),
  test_names: z.unknown().optional(),
  notes: z.string().nullish(),
  url: z.string().nullish(),
  active: z.boolean().nullish(),
  intermittent: z.boolean().nullish(),
  environments: Names.optional(),
  projects: Names.optional(),
  matrix_apply: z.array(Pair).nullish(),
});
const Group = z.object({
  name: z.string().min(1),
  url: z.string().optional(),
  projects: Names,
  environments: Names,
  known_issues: z.array(z.unknown()),
});
const File = z.object({ projects: z.array(Group) });
const NUMBER_TAGS: ReadonlySet<string> = new Set(['tag:yaml.org,2002:int', 'tag:yaml.org,2002:float']);

/** True when the text looks like an LKFT file: a YAML mapping with a top-level `projects:` list. */
export function looksLikeLkftKnownIssues(text: string): boolean {
  return /^projects:\s*$/m.test(text);
}

type Group = z.infer<typeof Group>;

function testNames(raw: z.infer<typeof Issue>, where: string, problems: string[]): string[] {
  const names: string[] = [];
  if (raw.test_names !== undefined) {
    const list = Names.safeParse(raw.test_names);
    if (list.success) names.push(...list.data);
    else problems.push(`${where}: test_names must be a list of test names, not ${typeof raw.test_names}`);
  }
  if (raw.test_name !== undefined) names.push(raw.test_name);
  if (names.length === 0 && (raw.test_names === undefined || Array.isArray(raw.test_names))) {
    problems.push(`${where}: test_name or test_names is needed`);
  }
  return names;
}

function scopeOf(raw: z.infer<typeof Issue>, group: Group, where: string, problems: string[]) {
  const pairs = raw.matrix_apply ?? [{ environments: raw.environments ?? [], projects: raw.projects ?? [] }];
  if (raw.matrix_apply && (raw.projects !== undefined || raw.environments !== undefined)) {
    problems.push(`${where}: matrix_apply and projects/environments are both given`);
  }
  const scope = new Map<string, Set<string>>();
  for (const pair of pairs) {
    for (const project of pair.projects) {
      if (!group.projects.includes(project))
        problems.push(`${where}: project ${project} is not one of ${group.name}'s`);
      const envs = scope.get(project) ?? new Set<string>();
      for (const env of pair.environments) {
        if (!group.environments.includes(env))
          problems.push(`${where}: environment ${env} is not one of ${group.name}'s`);
        envs.add(env);
      }
      scope.set(project, envs);
    }
  }
  if ([...scope.values()].every((envs) => envs.size === 0))
    problems.push(`${where}: applies to no project and environment`);
  return Object.fromEntries([...scope].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, envs]) => [p, [...envs].sort()]));
}

function readGroup(group: Group, problems: string[]): LkftKnownIssue[] {
  const issues: LkftKnownIssue[] = [];
  const seen = new Set<string>();
  group.known_issues.forEach((item, i) => {
    const where = `${group.name} known_issues[${i}]`;
    const parsed = Issue.safeParse(item);
    if (!parsed.success) {
      problems.push(
        `${where}: ${parsed.error.issues.map((x) => `${x.path.join('.') || '(item)'}: ${x.message}`).join('; ')}`,
      );
      return;
    }
    const raw = parsed.data;
    const scope = scopeOf(raw, group, where, problems);
    for (const testName of testNames(raw, where, problems)) {
      if (seen.has(testName)) problems.push(`${group.name}: test name ${testName} defined twice`);
      seen.add(testName);
      issues.push({
        group: group.name,
        testName,
        notes: raw.notes?.trim() ?? null,
        url: raw.url ?? null,
        active: raw.active === true,
        intermittent: raw.intermittent ?? null,
        scope,
      });
    }
  });
  return issues;
}

/** Parses and validates an LKFT known-issues file; `problems` says what is wrong when it is invalid. */
export function parseLkftKnownIssues(text: string): LkftKnownIssues & { readonly problems: readonly string[] } {
  const empty = { groups: [], issues: [] };
  const doc = parseDocument(text, {
    version: '1.1',
    merge: true,
    customTags: (tags) => tags.filter((t) => typeof t === 'string' || !NUMBER_TAGS.has(t.tag)),
  });
  if (doc.errors.length > 0)
    return { ...empty, problems: doc.errors.slice(0, 3).map((e) => `not valid YAML: ${e.message}`) };
  let data: unknown;
  try {
    data = doc.toJS(); // resolves aliases: throws on one without its anchor, or on an alias bomb
  } catch (error) {
    return { ...empty, problems: [`not valid YAML: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const file = File.safeParse(data);
  if (!file.success) {
    return { ...empty, problems: file.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`) };
  }
  const problems: string[] = [];
  const issues = file.data.projects.flatMap((g) => readGroup(g, problems));
  const groups = file.data.projects.map((g) => ({ name: g.name, projects: g.projects, environments: g.environments }));
  return problems.length > 0 ? { ...empty, problems } : { groups, issues, problems: [] };
}
