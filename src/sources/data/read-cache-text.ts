import { readFileSync } from 'node:fs';

/**
 * A cache file's text, or null when it cannot be read (absent, a directory, unreadable): the caller rebuilds it.
 * Synchronous on purpose: a warm query reads a handful of cache files, and a thread-pool round trip per file costs
 * more than the read (docs/performance.md, "Start-up").
 */
export function readCacheText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
