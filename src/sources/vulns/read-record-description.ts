import { join } from 'node:path';
import { runGit } from '../git/run-git.js';
import { parseCveJson } from './parse-cve-json.js';

/**
 * The full description of one CVE, read from kgap's mirror at the indexed commit (the index keeps only titles).
 * Null when the mirror is gone (e.g. its source clone was deleted); callers then show the title alone.
 */
export async function readRecordDescription(cacheDir: string, commit: string, id: string): Promise<string | null> {
  const year = id.split('-')[1] ?? '';
  const text = await runGit({ gitDir: join(cacheDir, 'vulns.git') }, [
    'cat-file',
    'blob',
    `${commit}:cve/published/${year}/${id}.json`,
  ]).catch(() => null);
  if (text === null) return null;
  const facts = parseCveJson(text);
  return typeof facts === 'string' ? null : facts.description;
}
