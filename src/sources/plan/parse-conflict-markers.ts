/**
 * A conflicted region of a merged file: 1-based line numbers of its `<<<<<<<` and `>>>>>>>` lines, and the lines
 * of its two sides that tell who changed it: the target's side (`ours`) and, in git's diff3 style, the merge base's.
 */
export type ConflictHunk = {
  readonly start: number;
  readonly end: number;
  readonly ours: readonly string[];
  readonly base: readonly string[];
};

/**
 * The conflicted regions git wrote into a merged file (pure): each runs from a line starting with `<<<<<<< ` to the
 * next line starting with `>>>>>>> `; `|||||||` starts the base's side (merge.conflictStyle=diff3), `=======` the
 * patch's. An unclosed region runs to the end of the file.
 */
export function parseConflictMarkers(text: string): ConflictHunk[] {
  const hunks: ConflictHunk[] = [];
  const lines = text.split('\n');
  let open: { start: number; ours: string[]; base: string[]; side: 'ours' | 'base' | 'theirs' } | null = null;
  for (const [i, line] of lines.entries()) {
    if (open === null) {
      if (line.startsWith('<<<<<<< ')) open = { start: i + 1, ours: [], base: [], side: 'ours' };
      continue;
    }
    if (line.startsWith('>>>>>>> ')) {
      hunks.push({ start: open.start, end: i + 1, ours: open.ours, base: open.base });
      open = null;
    } else if (line.startsWith('||||||| ') && open.side === 'ours') open.side = 'base';
    else if (line === '=======' && open.side !== 'theirs') open.side = 'theirs';
    else if (open.side === 'ours') open.ours.push(line);
    else if (open.side === 'base') open.base.push(line);
  }
  if (open !== null) hunks.push({ start: open.start, end: lines.length, ours: open.ours, base: open.base });
  return hunks;
}
