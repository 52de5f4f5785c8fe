import { existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import type { KbuildModel } from '../../domain/kbuild-model.js';
import { parseKernelMakefile } from '../../domain/kernel-makefile.js';
import type { ParsedMakefile } from '../../domain/makefile-ast.js';
import { guardCache } from '../data/cache-fault.js';
import { limitOf } from '../io/input-limits.js';
import { extractSourceTarball, isSourceTarball } from './extract-source-tarball.js';
import { type KbuildSnapshot, readKbuildCache, writeKbuildCache } from './kbuild-cache.js';
import { parseMakefile } from './parse-makefile.js';
import { readSourceIncludes } from './read-source-includes.js';
import { readTreeFileSync } from './read-tree-file.js';
import { walkSourceTree } from './walk-source-tree.js';

export type ReadKbuildOptions = {
  /** kgap's cache directory; null (the default) disables caching and extracts tarballs under `tmpDir`. */
  readonly cacheDir?: string | null;
  /** Defaults to the OS temp directory. */
  readonly tmpDir?: string;
  readonly progress?: ((message: string) => void) | null;
};

// Build files of kernel code. tools/ and Documentation/ have their own make systems; scripts/ holds kbuild itself.
const MAKEFILE_RE = /(^|\/)(Makefile|Kbuild)[^/]*$/;
const NOT_KBUILD_RE = /^(tools|Documentation|scripts)\//;

/**
 * Reads a kernel source tree's Kbuild files (a directory, or a tarball extracted once into the cache). A missing
 * source is not an error here: the model is empty and says why, so every file comes out `unknown`.
 */
export async function readKbuildModel(source: string, options: ReadKbuildOptions = {}): Promise<KbuildModel> {
  const st = await stat(source).catch(() => null);
  if (st === null) return emptyModel(source, `source ${source} does not exist`);
  let root = source;
  const skipped: string[] = [];
  if (st.isFile()) {
    if (!isSourceTarball(source)) {
      throw new InvalidInput('source', `${source} is a file; give a kernel source directory or a .tar(.xz|.gz) of one`);
    }
    const into = options.cacheDir ?? join(options.tmpDir ?? tmpdir(), 'kgap-cache');
    const extracted = await guardCache(into, () => extractSourceTarball(source, into, options.progress)).catch(
      (error: unknown) => {
        if (error instanceof UserError) throw error; // a limit, a damaged archive, a cache fault: already one line
        throw new UserError(`cannot extract ${source}: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    root = extracted.root;
    if (extracted.skipped.length > 0) {
      const shown = extracted.skipped.slice(0, 3).join(', ');
      skipped.push(
        `${source}: ${extracted.skipped.length} members are not regular files or have unsafe names and were not extracted: ${shown}${extracted.skipped.length > 3 ? ', …' : ''}`,
      );
    }
  } else if (!st.isDirectory()) {
    throw new InvalidInput('source', `${source} is neither a directory nor a tarball`);
  }
  root = await realpath(root);
  // The cache replaces the walk of a full tree (~80,000 files). A Kbuild-only extract lists its files in
  // ALL-FILES.txt, which reads as fast as the cache would (measured: docs/performance.md, "Relevance").
  const kbuildOnly = existsSync(join(root, 'ALL-FILES.txt'));
  const cacheDir = kbuildOnly ? null : (options.cacheDir ?? null);
  const snapshot = (cacheDir && (await readKbuildCache(cacheDir, root))) || (await snapshotTree(root));
  if (cacheDir && !snapshot.fromCache) await writeKbuildCache(cacheDir, root, snapshot);
  // A full tree also gives its #include lines: what decides headers. A Kbuild-only extract has no C to read.
  const includes =
    kbuildOnly || snapshot.files === null
      ? null
      : await readSourceIncludes(root, snapshot.files, cacheDir, options.progress);
  const withSkipped = skipped.length ? { ...snapshot, problems: [...skipped, ...snapshot.problems] } : snapshot;
  return { ...modelFrom(source, withSkipped), includes };
}

function emptyModel(source: string, problem: string): KbuildModel {
  return { source, version: null, files: null, makefiles: new Map(), problems: [problem] };
}

/**
 * Lists the tree (ALL-FILES.txt when the tree is a Kbuild-only extract) and reads every kernel Kbuild file.
 * Synchronous reads: ~2,700 small files are read faster this way than through the thread pool.
 */
async function snapshotTree(root: string): Promise<KbuildSnapshot> {
  const problems: string[] = [];
  const maxMakefile = limitOf('kbuildFileBytes');
  // A Kbuild-only extract lists the full tree in ALL-FILES.txt: no walk needed (and the walk would miss files).
  const list = readTreeFileSync(root, 'ALL-FILES.txt', limitOf('inputBytes'));
  const allFiles = list.ok ? list.text : null;
  if (!list.ok && !list.missing) problems.push(list.problem);
  let files: readonly string[];
  if (allFiles !== null) {
    files = allFiles
      .split('\n')
      .map((l) => l.trim().replace(/^\.\//, ''))
      .filter((l) => l !== '')
      .sort();
  } else {
    const listing = walkSourceTree(root);
    problems.push(...listing.problems);
    files = listing.files;
  }
  const makefiles: (readonly [string, string, number, number])[] = [];
  for (const name of files) {
    if (!MAKEFILE_RE.test(name) || NOT_KBUILD_RE.test(name)) continue;
    // Only regular files inside the tree, under the size limit (read-tree-file.ts says why).
    const read = readTreeFileSync(root, name, maxMakefile);
    if (read.ok) makefiles.push([name, read.text, read.mtimeMs, read.size]);
    else if (!(read.missing && allFiles !== null)) problems.push(read.problem); // listed, not extracted: fine
  }
  return { fromCache: false, files, makefiles, problems };
}

function modelFrom(source: string, snapshot: KbuildSnapshot): KbuildModel {
  const makefiles = new Map<string, ParsedMakefile>();
  for (const [name, text] of snapshot.makefiles) makefiles.set(name, parseMakefile(text));
  const problems = [...snapshot.problems];
  if (!makefiles.has('Makefile')) problems.push(`${source} has no top-level Makefile: is it a kernel source tree?`);
  return {
    source,
    version: parseKernelMakefile(snapshot.makefiles.find(([name]) => name === 'Makefile')?.[1] ?? '')?.numbers ?? null,
    files: snapshot.files === null ? null : new Set(snapshot.files),
    makefiles,
    problems,
  };
}
