import { type Stats, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../domain/invalid-input.js';
import { describeLimit } from '../../domain/limits.js';
import { buildReleaseTable, type ReleaseTable } from '../../domain/release.js';
import { isUrl } from '../data/data-options.js';
import { readCacheText } from '../data/read-cache-text.js';
import { writeFileAtomic } from '../data/write-atomic.js';
import { limitOf } from '../io/input-limits.js';
import { readBoundedText } from '../io/read-bounded.js';
import { packReleases, selectReleases, type ValidatedReleases, validatedReleasesOf } from './validated-releases.js';

// Validating 4,800 entries with zod costs more than a warm `kgap status` may spend (zod alone takes ~80 ms to
// load), so the validated pairs are kept in the cache, keyed by the source file's identity, and zod is loaded only
// when the source changed. The layout (validated-releases.ts) lets a single-version query read only its branch.
const VALIDATED_FILE = 'releases-v2.json';
const DOWNLOADED_FILE = 'releases.json';

/** The pairs a reader takes (every one, or one branch's) and the newest date of all. */
type Selected = { readonly pairs: [string, string][]; readonly newestDate: string | null };

/** The pairs of `branch` (every pair when undefined); null when the cached file turns out damaged. */
function selected(validated: ValidatedReleases, branch: string | undefined): Selected | null {
  const pairs = selectReleases(validated, branch);
  return pairs === null ? null : { pairs, newestDate: validated.newestDate };
}

async function readValidated(cacheDir: string, key: string, branch: string | undefined): Promise<Selected | null> {
  const text = readCacheText(join(cacheDir, VALIDATED_FILE));
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const validated = validatedReleasesOf(data, key);
  return validated === null ? null : selected(validated, branch);
}

async function validate(
  text: string,
  source: string,
  cacheDir: string,
  key: string,
  branch: string | undefined,
): Promise<Selected> {
  const { parseReleaseEntries } = await import('./parse-releases.js');
  const validated = packReleases(key, parseReleaseEntries(text, source));
  await writeFileAtomic(join(cacheDir, VALIDATED_FILE), JSON.stringify(validated)).catch(() => undefined);
  // Freshly packed: never damaged.
  return selected(validated, branch) as Selected;
}

/**
 * Reads release dates from a path or URL. A fetched copy is cached: `refresh` (what `sync` does) fetches anew,
 * otherwise the cached copy is used and the network is only asked when there is none.
 */
export async function readReleases(
  location: string,
  cacheDir: string,
  refresh = false,
  only?: { readonly branch: string },
): Promise<ReleaseTable> {
  // One branch's releases are all a single-version query needs; parsing 4,800 versions is not.
  const { pairs, newestDate } = await readReleaseEntries(location, cacheDir, refresh, only?.branch);
  const table = buildReleaseTable(pairs).table;
  return only ? { ...table, newestDate } : table;
}

/** A download's body under the input limit (a server that never stops sending is cut off). */
async function boundedBody(response: Response, location: string): Promise<string> {
  const max = limitOf('inputBytes');
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > max)
      throw new UserError(`${location} sends more than ${describeLimit('inputBytes', max)} of release dates`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function statOrRefuse(location: string): Stats {
  try {
    return statSync(location);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new UserError(
      `cannot read release dates ${location} (${e.code ?? e.message}); give the release-dates file's path or URL`,
    );
  }
}

async function readReleaseEntries(
  location: string,
  cacheDir: string,
  refresh: boolean,
  branch: string | undefined,
): Promise<Selected> {
  if (!isUrl(location)) {
    // Synchronous: the first thread-pool call of a run costs a warm status more than the stat (read-cache-text.ts).
    const st = statOrRefuse(location);
    const key = `file:${location}:${st.size}:${st.mtimeMs}`;
    const known = refresh ? null : await readValidated(cacheDir, key, branch);
    if (known) return known;
    const text = await readBoundedText(location, { field: 'releases' }).catch((e: NodeJS.ErrnoException) => {
      if (e instanceof UserError) throw e;
      throw new UserError(
        `cannot read release dates ${location} (${e.code ?? e.message}); give the release-dates file's path or URL`,
      );
    });
    return validate(text, location, cacheDir, key, branch);
  }
  const downloaded = join(cacheDir, DOWNLOADED_FILE);
  const key = `url:${location}`;
  if (!refresh) {
    const known = await readValidated(cacheDir, key, branch);
    if (known) return known;
    const text = await readFile(downloaded, 'utf8').catch(() => null);
    if (text !== null) return validate(text, downloaded, cacheDir, key, branch);
  }
  try {
    const response = await fetch(location, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = await boundedBody(response, location);
    const chosen = await validate(text, location, cacheDir, key, branch);
    await writeFileAtomic(downloaded, text);
    return chosen;
  } catch (error) {
    if (error instanceof UserError) throw error;
    const text = await readFile(downloaded, 'utf8').catch(() => null);
    if (text !== null) return validate(text, downloaded, cacheDir, key, branch);
    throw new UserError(
      `cannot fetch ${location} (${(error as Error).message}); give a path to a local copy of the release dates`,
    );
  }
}
