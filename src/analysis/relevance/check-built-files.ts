import { InvalidInput } from '../../domain/invalid-input.js';
import type { BuiltFilesMatch } from './match-built-files.js';

/**
 * A build list that matches few sources would call everything "not built": refuse it. Otherwise say how it was
 * fitted, so a user can see that `build/` was stripped.
 */
export function checkBuiltFiles(match: BuiltFilesMatch, path: string | undefined): string[] {
  if (match.matched === null) return [];
  if (match.total > 0 && match.matched / match.total < 0.3) {
    throw new InvalidInput(
      'builtFiles',
      `${path}: only ${match.matched} of ${match.total} entries match source files in the tree; list paths relative to the build directory (e.g. net/core/dev.o)`,
    );
  }
  const prefix = match.prefix === '' ? '' : ` after stripping "${match.prefix}/"`;
  return [`built files: ${match.matched} of ${match.total} entries match source files${prefix}`];
}
