/** Paths inside a kernel source tree: relative, `/`-separated, no `.` or `..` segments. */

/** Normalizes `./a/../b//c` to `b/c`; a leading `..` that escapes the tree is kept so it matches nothing. */
export function normalizePath(path: string): string {
  // Fast path: most words are already clean (`drivers/net/foo.o`).
  if (!/(^|\/)\.\.?(\/|$)|\/\/|^\/|\/$/.test(path)) return path;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** `a/b/c.o` -> `a/b`; top-level files -> ``. */
export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Joins a directory and a relative word, normalized. */
export function joinPath(dir: string, rel: string): string {
  return normalizePath(dir === '' ? rel : `${dir}/${rel}`);
}
