/**
 * Reads one side of the gate: a directory (searched recursively) or a single file of test results and
 * console logs. Every results file is one run, so a directory with several runs of the same suite shows
 * flakiness. Console logs give crash signatures; their KTAP (KUnit prints to the console) counts as results
 * only when the directory holds no dedicated results file, so `boot.ktap` and the `console.log` it was
 * taken from are not counted twice.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { type Crash, mergeCrashes } from '../../domain/crash.js';
import type { GateEvidence } from '../../domain/gate-evidence.js';
import type { ResultRun } from '../../domain/test-result.js';
import { limitOf } from '../io/input-limits.js';
import { readBoundedBytes } from '../io/read-bounded.js';
import { parseCrashes } from './parse-crashes.js';
import { detectResultFormat, parseResults } from './result-formats.js';
import { isGenericLog, resultsFileRole } from './results-file-role.js';

export type ResultsDir = GateEvidence & {
  /** The path as given. */
  readonly path: string;
  readonly runs: readonly ResultRun[];
  readonly crashes: readonly Crash[];
  /** Files that were neither results nor logs (relative paths). */
  readonly ignored: readonly string[];
};

async function listFiles(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(root, full)));
    else if (e.isFile()) out.push(relative(root, full));
  }
  return out;
}

function isBinary(buffer: Buffer): boolean {
  return buffer.subarray(0, 8192).includes(0);
}

/**
 * Reads a results directory or file. Throws (ENOENT etc.) only when `path` itself cannot be read; a file over the
 * input limit is an InvalidInput naming `field`. Only regular files are read (the listing skips links, FIFOs and
 * devices).
 */
export async function readResultsDir(path: string, field = 'results'): Promise<ResultsDir> {
  const maxDepth = limitOf('xmlDepth');
  const info = await stat(path);
  const root = info.isDirectory() ? path : dirname(path);
  const files = info.isDirectory() ? await listFiles(root, root) : [basename(path)];
  const runs: ResultRun[] = [];
  const crashes: Crash[][] = [];
  const consoleLogs: string[] = [];
  const ignored: string[] = [];
  for (const rel of files) {
    const role = resultsFileRole(rel);
    if (role === 'skip') continue;
    const buffer = await readBoundedBytes(join(root, rel), { field });
    if (isBinary(buffer)) {
      ignored.push(rel);
      continue;
    }
    const text = buffer.toString('utf8');
    const run = role === 'results' ? parseResults(text, { source: rel, maxDepth }) : null;
    if (run !== null) runs.push(run);
    else if (role === 'console' || isGenericLog(rel)) {
      consoleLogs.push(rel);
      crashes.push(parseCrashes(text, { source: rel }));
    } else ignored.push(rel);
  }
  if (runs.length === 0) {
    for (const rel of consoleLogs) {
      const text = (await readBoundedBytes(join(root, rel), { field })).toString('utf8');
      if (detectResultFormat(text) === 'ktap')
        runs.push(parseResults(text, { source: rel, format: 'ktap' }) as ResultRun);
    }
  }
  return { path, runs, crashes: mergeCrashes(crashes), consoleLogs, ignored };
}
