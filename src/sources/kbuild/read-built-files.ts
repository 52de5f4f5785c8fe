import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { InvalidInput } from '../../domain/invalid-input.js';

/**
 * Reads a `--built-files` list: one `.o` or source path per line, relative to the build (or source) root, as
 * `find . -name '*.o'` prints them; `#` comments and blank lines are ignored. An empty list is refused: it would
 * call every file not built.
 */
export async function readBuiltFiles(path: string): Promise<ReadonlySet<string>> {
  const isDir = await stat(path).then(
    (st) => st.isDirectory(),
    () => false,
  );
  if (isDir) {
    const entries = await readBuildDirObjects(path);
    if (entries.size === 0) {
      throw new InvalidInput('builtFiles', `${path} holds no .o or .*.o.cmd files; give the kernel's build directory`);
    }
    return entries;
  }
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new InvalidInput('builtFiles', `${path}: cannot read it (${e.code ?? e.message})`);
  });
  const entries = parseBuiltFiles(text);
  if (entries.size === 0) {
    throw new InvalidInput('builtFiles', `${path} lists no .o or source files; give the build's object list`);
  }
  return entries;
}

/** The path entries of a built-files list. Pure. */
export function parseBuiltFiles(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (/\.(o|c|S|rs)$/.test(line)) out.add(line);
  }
  return out;
}

/**
 * The objects a kernel build directory holds: every `*.o`, and every `.<name>.o.cmd` Kbuild writes beside the
 * object it built (kept when the objects are cleaned or not shipped), as paths relative to the directory.
 */
export async function readBuildDirObjects(dir: string): Promise<Set<string>> {
  const out = new Set<string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile()) continue;
    const rel = relative(dir, join(e.parentPath, e.name));
    const at = rel.length - e.name.length;
    if (e.name.endsWith('.o')) out.add(rel);
    else if (e.name.startsWith('.') && e.name.endsWith('.o.cmd')) out.add(rel.slice(0, at) + e.name.slice(1, -4));
  }
  return out;
}
