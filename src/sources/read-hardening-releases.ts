import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { buildReleaseIndex, type ReleaseIndex } from '../analysis/hardening/release-index.js';
import { UserError } from '../domain/user-error.js';
import { parseReleases } from './releases/parse-releases.js';

/**
 * Where the release dates come from: `--releases`, else `KGAP_RELEASES`, else the shared data file when it exists.
 * Null means "no release data": the upgrade gain then has no upper limit and no dates.
 */
export function resolveReleasesPath(options: {
  readonly flag?: string;
  readonly env: NodeJS.ProcessEnv;
  readonly defaultPath: string;
}): string | null {
  if (options.flag) return options.flag;
  if (options.env.KGAP_RELEASES) return options.env.KGAP_RELEASES;
  return existsSync(options.defaultPath) ? options.defaultPath : null;
}

/** Reads endoflife-date's linux-kernel.json (validated with zod by the shared parser) as an upgrade-gain index. */
export async function readHardeningReleases(path: string): Promise<ReleaseIndex> {
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new UserError(`cannot read release dates ${path} (${e.code ?? e.message}); pass --releases PATH`);
  });
  const table = parseReleases(text, path);
  return buildReleaseIndex([...table.byName.values()].map((r) => [r.name, r.date ?? ''] as const));
}
