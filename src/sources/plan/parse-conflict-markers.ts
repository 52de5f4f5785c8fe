/** A conflicted region of a merged file: 1-based line numbers of its `<<<<<<<` and `>>>>>>>` lines. */
export type ConflictHunk = { readonly start: number; readonly end: number };

/**
 * The conflicted regions git wrote into a merged file (pure): each runs from a line starting with `<<<<<<< ` to the
 * next line starting with `>>>>>>> `. An unclosed region runs to the end of the file.
 */
export function parseConflictMarkers(text: string): ConflictHunk[] {
  const hunks: ConflictHunk[] = [];
  const lines = text.split('\n');
  let start: number | null = null;
  for (const [i, line] of lines.entries()) {
    if (start === null && line.startsWith('<<<<<<< ')) start = i + 1;
    else if (start !== null && line.startsWith('>>>>>>> ')) {
      hunks.push({ start, end: i + 1 });
      start = null;
    }
  }
  if (start !== null) hunks.push({ start, end: lines.length });
  return hunks;
}
