import { z } from 'zod';
import { UserError } from '../../domain/invalid-input.js';
import { buildReleaseTable, type ReleaseTable } from '../../domain/release.js';

// endoflife-date release-data: releases/linux-kernel.json
const releasesSchema = z.object({
  versions: z.record(z.string(), z.object({ name: z.string(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).loose()),
});

/** Validates release-dates JSON text; throws a UserError naming the source when the shape is wrong. */
export function parseReleases(text: string, source: string): ReleaseTable {
  return buildReleaseTable(parseReleaseEntries(text, source)).table;
}

/** The validated (name, date) pairs of a release-dates file. */
export function parseReleaseEntries(text: string, source: string): [string, string][] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UserError(`${source} is not JSON; release dates come as endoflife-date's releases/linux-kernel.json`);
  }
  const parsed = releasesSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(
      `${source} is not a release-dates file (${issue?.path.join('.') || 'top level'}: ${issue?.message}); expected {"versions": {"6.1.170": {"name": "6.1.170", "date": "YYYY-MM-DD"}}}`,
    );
  }
  const entries = Object.values(parsed.data.versions).map((v): [string, string] => [v.name, v.date]);
  if (!entries.some(([name]) => /^\d+\.\d+/.test(name))) throw new UserError(`${source} lists no kernel releases`);
  return entries;
}
