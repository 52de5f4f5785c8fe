import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../data/write-atomic.js';
import { limitOf } from '../io/input-limits.js';
import { parseIncludeDirectives } from './parse-include-directives.js';
import { readTreeFileSync } from './read-tree-file.js';

/** Files whose `#include` lines kgap reads: kernel C, assembly and headers (tools/ and docs build nothing in). */
export const INCLUDE_SCAN_RE = /^(?!tools\/|Documentation\/).*\.(c|h|S|inc)$/;

const SCHEMA = 2;
const Stored = z.object({
  schema: z.literal(SCHEMA),
  root: z.string(),
  entries: z.array(z.tuple([z.string(), z.number(), z.number(), z.array(z.string())])),
});
type Entry = [string, number, number, string[]];

const cacheFile = (cacheDir: string, root: string): string =>
  join(cacheDir, 'kbuild', `${createHash('sha256').update(root).digest('hex').slice(0, 20)}-includes.json`);

/**
 * The `#include` directives of every scanned file of a full source tree (`files`, tree-relative). With a cache
 * directory, files whose mtime and size are unchanged are not read again (a first scan of 6.1 reads ~53,000 files,
 * 1.1 GB). Unreadable files are skipped: they include nothing kgap can see, which never makes a header built.
 */
export async function readSourceIncludes(
  root: string,
  files: readonly string[],
  cacheDir: string | null,
  progress?: ((message: string) => void) | null,
): Promise<Map<string, readonly string[]>> {
  const cached = new Map<string, Entry>();
  if (cacheDir !== null) {
    const text = await readFile(cacheFile(cacheDir, root), 'utf8').catch(() => null);
    const parsed = text === null ? null : Stored.safeParse(safeJson(text));
    if (parsed?.success && parsed.data.root === root) for (const e of parsed.data.entries) cached.set(e[0], e);
  }
  const scanned = files.filter((f) => INCLUDE_SCAN_RE.test(f));
  if (cached.size === 0 && scanned.length > 1000)
    progress?.(`kbuild: reading #include lines of ${scanned.length} files (once)`);
  const entries: Entry[] = [];
  let changed = cached.size !== scanned.length;
  for (const f of scanned) {
    const st = (() => {
      try {
        return statSync(join(root, f));
      } catch {
        return null;
      }
    })();
    if (st === null || !st.isFile()) continue;
    const hit = cached.get(f);
    if (hit !== undefined && hit[1] === st.mtimeMs && hit[2] === st.size) {
      entries.push(hit);
      continue;
    }
    changed = true;
    // Only regular files inside the tree (a link out of it, a device or a FIFO is never read): read-tree-file.ts.
    const read = readTreeFileSync(root, f, limitOf('inputBytes'));
    if (!read.ok) continue;
    entries.push([f, st.mtimeMs, st.size, parseIncludeDirectives(read.text)]);
  }
  if (cacheDir !== null && changed) {
    await writeFileAtomic(cacheFile(cacheDir, root), JSON.stringify({ schema: SCHEMA, root, entries })).catch(
      () => undefined,
    );
  }
  return new Map(entries.map((e) => [e[0], e[3]]));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
