/** Which top-level directories each architecture's Makefile links: only that architecture builds them. */
import type { KbuildModel } from '../../domain/kbuild-model.js';
import type { MakeStatement } from '../../domain/makefile-ast.js';
import { splitWords } from './make-expand.js';

/**
 * Directories each `arch/<arch>/Makefile` links through its entry variables (`drivers-y += drivers/s390/`), read
 * from the raw text of every branch: enough to know that no other Makefile reaches them.
 */
export function archEntryDirs(model: KbuildModel): Map<string, string> {
  const out = new Map<string, string>();
  const shared = new Set<string>();
  for (const [path, parsed] of model.makefiles) {
    const arch = /^arch\/([^/]+)\/Makefile$/.exec(path)?.[1];
    if (arch === undefined) continue;
    const visit = (list: readonly MakeStatement[]): void => {
      for (const s of list) {
        if (s.kind === 'if') {
          visit(s.whenTrue);
          visit(s.whenFalse);
        } else if (s.kind === 'assign' && /^(init|core|drivers|net|libs|virt)-/.test(s.name)) {
          for (const w of splitWords(s.value)) {
            const dir = w.endsWith('/') && !w.includes('$') && !w.startsWith('arch/') ? w.slice(0, -1) : null;
            if (dir === null) continue;
            if (out.has(dir) && out.get(dir) !== arch) shared.add(dir);
            out.set(dir, arch);
          }
        }
      }
    };
    visit(parsed.statements);
  }
  for (const d of shared) out.delete(d);
  return out;
}
