import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../data/write-atomic.js';

/** What reading a tree yields before parsing: the file list and each Kbuild file's text, mtime and size. */
export type KbuildSnapshot = {
  readonly fromCache: boolean;
  readonly files: readonly string[] | null;
  readonly makefiles: readonly (readonly [string, string, number, number])[];
  readonly problems: readonly string[];
};

const SCHEMA = 1;
const Stored = z.object({
  schema: z.literal(SCHEMA),
  root: z.string(),
  files: z.array(z.string()).nullable(),
  makefiles: z.array(z.tuple([z.string(), z.string(), z.number(), z.number()])),
  problems: z.array(z.string()),
});

/** A cache key for one source tree: its real path. Freshness is checked per file on read. */
function treeKey(root: string): string {
  return createHash('sha256').update(root).digest('hex').slice(0, 20);
}

const cacheFile = (cacheDir: string, root: string): string => join(cacheDir, 'kbuild', `${treeKey(root)}.json`);

/**
 * The cached snapshot of `root`, or null when absent, corrupt, or stale: every cached Kbuild file is stat'ed and
 * must have the same mtime and size. (A Kbuild file added since is not noticed; `--no-cache` rereads.)
 */
export async function readKbuildCache(cacheDir: string, root: string): Promise<KbuildSnapshot | null> {
  const text = await readFile(cacheFile(cacheDir, root), 'utf8').catch(() => null);
  if (text === null) return null;
  let parsed: z.infer<typeof Stored>;
  try {
    const result = Stored.safeParse(JSON.parse(text));
    if (!result.success || result.data.root !== root) return null;
    parsed = result.data;
  } catch {
    return null;
  }
  const fresh = await Promise.all(
    parsed.makefiles.map(async ([name, , mtime, size]) => {
      const s = await stat(join(root, name)).catch(() => null);
      return s !== null && s.mtimeMs === mtime && s.size === size;
    }),
  );
  if (!fresh.every(Boolean)) return null;
  return { fromCache: true, files: parsed.files, makefiles: parsed.makefiles, problems: parsed.problems };
}

/** Stores a snapshot atomically (temp file + rename); a failure to cache is not fatal. */
export async function writeKbuildCache(cacheDir: string, root: string, snapshot: KbuildSnapshot): Promise<void> {
  const stored = {
    schema: SCHEMA,
    root,
    files: snapshot.files,
    makefiles: snapshot.makefiles,
    problems: snapshot.problems,
  };
  await writeFileAtomic(cacheFile(cacheDir, root), JSON.stringify(stored)).catch(() => undefined);
}
