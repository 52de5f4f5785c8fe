import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { buildReleaseTable, type ReleaseTable } from '../../domain/release.js';
import { UserError } from '../../domain/user-error.js';
import { isUrl } from '../data/data-options.js';
import { writeFileAtomic } from '../data/write-atomic.js';

// endoflife-date release-data: releases/linux-kernel.json
const releasesSchema = z.object({
  versions: z.record(z.string(), z.object({ name: z.string(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).loose()),
});

/** Validates release-dates JSON text; throws a UserError naming the source when the shape is wrong. */
export function parseReleases(text: string, source: string): ReleaseTable {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UserError(`${source} is not JSON; --releases needs endoflife-date's releases/linux-kernel.json`);
  }
  const parsed = releasesSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(
      `${source} is not a release-dates file (${issue?.path.join('.') || 'top level'}: ${issue?.message}); expected {"versions": {"6.1.170": {"name": "6.1.170", "date": "YYYY-MM-DD"}}}`,
    );
  }
  const { table } = buildReleaseTable(Object.values(parsed.data.versions).map((v) => [v.name, v.date] as const));
  if (table.byName.size === 0) throw new UserError(`${source} lists no kernel releases`);
  return table;
}

/**
 * Reads release dates from a path or URL. A fetched copy is cached: `refresh` (what `sync` does) fetches anew,
 * otherwise the cached copy is used and the network is only asked when there is none.
 */
export async function readReleases(location: string, cacheDir: string, refresh = false): Promise<ReleaseTable> {
  if (!isUrl(location)) {
    const text = await readFile(location, 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new UserError(`cannot read release dates ${location} (${e.code ?? e.message}); pass --releases PATH|URL`);
    });
    return parseReleases(text, location);
  }
  const cached = join(cacheDir, 'releases.json');
  if (!refresh) {
    const text = await readFile(cached, 'utf8').catch(() => null);
    if (text !== null) return parseReleases(text, cached);
  }
  try {
    const response = await fetch(location, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = await response.text();
    const table = parseReleases(text, location);
    await writeFileAtomic(cached, text);
    return table;
  } catch (error) {
    if (error instanceof UserError) throw error;
    const text = await readFile(cached, 'utf8').catch(() => null);
    if (text !== null) return parseReleases(text, cached);
    throw new UserError(`cannot fetch ${location} (${(error as Error).message}); pass --releases PATH to a local copy`);
  }
}
