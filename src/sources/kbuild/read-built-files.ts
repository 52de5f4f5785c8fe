import { InvalidInput } from '../../domain/invalid-input.js';
import { readBoundedText } from '../io/read-bounded.js';

/**
 * Reads a `--built-files` list: one `.o` or source path per line, relative to the build (or source) root, as
 * `find . -name '*.o'` prints them; `#` comments and blank lines are ignored. An empty list is refused: it would
 * call every file not built.
 */
export async function readBuiltFiles(path: string): Promise<ReadonlySet<string>> {
  const text = await readBoundedText(path, { field: 'builtFiles' }).catch((e: NodeJS.ErrnoException) => {
    if (e instanceof InvalidInput) throw e;
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
