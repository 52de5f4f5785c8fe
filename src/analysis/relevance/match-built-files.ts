/**
 * Fits a build's file list (`--built-files`) to the source tree. People pass `find build -name '*.o'` output, with
 * the build directory as a prefix (`build/net/core/dev.o`, `./out/...`); an unfitted list would make every file
 * "not built", the worst possible error. So: find the leading prefix that makes listed objects match sources.
 */
import type { KbuildModel } from '../../domain/kbuild-model.js';
import { normalizePath } from './tree-path.js';

export type BuiltFilesMatch = {
  /** Object paths relative to the tree root. */
  readonly objects: ReadonlySet<string>;
  /** The leading directory stripped from every entry (`` when none). */
  readonly prefix: string;
  /** Entries whose source exists in the tree after stripping, of `total` `.o`/source entries; null without a listing. */
  readonly matched: number | null;
  readonly total: number;
};

const SOURCE_EXTS = ['.c', '.S', '.rs'] as const;

function toObject(path: string): string | null {
  if (path.endsWith('.o')) return path;
  for (const ext of SOURCE_EXTS) if (path.endsWith(ext)) return `${path.slice(0, -ext.length)}.o`;
  return null;
}

/** Pure. Without a file listing (`model.files` null) entries are taken as given. */
export function matchBuiltFiles(paths: Iterable<string>, model: KbuildModel | null): BuiltFilesMatch {
  const objects: string[] = [];
  for (const raw of paths) {
    const o = toObject(normalizePath(raw.trim()));
    // `x.mod.o` (module info) and `.o` of nothing are not sources; they neither match nor count.
    if (o !== null && o !== '' && !o.endsWith('.mod.o')) objects.push(o);
  }
  const files = model?.files ?? null;
  if (files === null) return { objects: new Set(objects), prefix: '', matched: null, total: objects.length };
  const hasSource = (o: string): boolean => SOURCE_EXTS.some((ext) => files.has(`${o.slice(0, -2)}${ext}`));
  // Try stripping 0..3 leading directories; keep the depth that matches most entries.
  let best = { depth: 0, matched: -1 };
  for (let depth = 0; depth <= 3; depth++) {
    let matched = 0;
    for (const o of objects) {
      const parts = o.split('/');
      if (parts.length > depth + 1 && hasSource(parts.slice(depth).join('/'))) matched++;
      else if (depth === 0 && hasSource(o)) matched++;
    }
    if (matched > best.matched) best = { depth, matched };
  }
  const strip = (o: string): string => o.split('/').slice(best.depth).join('/');
  const prefix = best.depth === 0 ? '' : (objects[0]?.split('/').slice(0, best.depth).join('/') ?? '');
  return { objects: new Set(objects.map(strip)), prefix, matched: best.matched, total: objects.length };
}
