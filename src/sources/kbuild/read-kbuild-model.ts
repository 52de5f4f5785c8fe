import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import type { KbuildModel } from '../../domain/kbuild-model.js';
import { parseKernelMakefile } from '../../domain/kernel-makefile.js';
import type { ParsedMakefile } from '../../domain/makefile-ast.js';
import { extractSourceTarball, isSourceTarball } from './extract-source-tarball.js';
import { type KbuildSnapshot, readKbuildCache, writeKbuildCache } from './kbuild-cache.js';
import { parseMakefile } from './parse-makefile.js';
import { readSourceIncludes } from './read-source-includes.js';
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
const MAX_MAKEFILE_BYTES = 2_000_000;

/**
 * Reads a kernel source tree's Kbuild files (a directory, or a tarball extracted once into the cache). A missing
 * source is not an error here: the model is empty and says why, so every file comes out `unknown`.
 */
export async function readKbuildModel(source: string, options: ReadKbuildOptions = {}): Promise<KbuildModel> {
  const st = await stat(source).catch(() => null);
  if (st === null) return emptyModel(source, `source ${source} does not exist`);
  let root = source;
  if (st.isFile()) {
    if (!isSourceTarball(source)) {
      throw new InvalidInput('source', `${source} is a file; give a kernel source directory or a .tar(.xz|.gz) of one`);
    }
    root = await extractSourceTarball(
      source,
      options.cacheDir ?? join(options.tmpDir ?? tmpdir(), 'kgap-cache'),
      options.progress,
    ).catch((error: unknown) => {
      throw new UserError(`cannot extract ${source}: ${error instanceof Error ? error.message : String(error)}`);
    });
  } else if (!st.isDirectory()) {
    throw new InvalidInput('source', `${source} is neither a directory nor a tarball`);
  }
  root = await realpath(root);
  // The cache replaces the walk of a full tree (~80,000 files). A Kbuild-only extract lists its files in
  // ALL-FILES.txt, which reads as fast as the cache would (measured: docs/performance.md, "Relevance").
  const kbuildOnly = existsSync(join(root, 'ALL-FILES.txt'));
  const cacheDir = kbuildOnly ? null : (options.cacheDir ?? null);
  const snapshot =
    (cacheDir && (await readKbuildCache(cacheDir, root))) || (await snapshotTree(root, cacheDir !== null));
  if (cacheDir && !snapshot.fromCache) await writeKbuildCache(cacheDir, root, snapshot);
  // A full tree also gives its #include lines: what decides headers. A Kbuild-only extract has no C to read.
  const includes =
    kbuildOnly || snapshot.files === null
      ? null
      : await readSourceIncludes(root, snapshot.files, cacheDir, options.progress);
  return { ...modelFrom(source, snapshot), includes };
}

function emptyModel(source: string, problem: string): KbuildModel {
  return { source, version: null, files: null, makefiles: new Map(), problems: [problem] };
}

/**
 * Lists the tree (ALL-FILES.txt when the tree is a Kbuild-only extract) and reads every kernel Kbuild file.
 * Synchronous reads: ~2,700 small files are read faster this way than through the thread pool.
 */
async function snapshotTree(root: string, withStats: boolean): Promise<KbuildSnapshot> {
  const problems: string[] = [];
  // A Kbuild-only extract lists the full tree in ALL-FILES.txt: no walk needed (and the walk would miss files).
  const allFiles = await readFile(join(root, 'ALL-FILES.txt'), 'utf8').catch(() => null);
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
    try {
      // mtime and size only matter to the cache's freshness check: skip the stat when there is no cache.
      const s = withStats ? statSync(join(root, name)) : null;
      if (s !== null && (!s.isFile() || s.size > MAX_MAKEFILE_BYTES)) {
        if (s.isFile()) problems.push(`${name}: larger than ${MAX_MAKEFILE_BYTES} bytes, skipped`);
        continue;
      }
      const text = readFileSync(join(root, name), 'utf8');
      if (text.length > MAX_MAKEFILE_BYTES) {
        problems.push(`${name}: larger than ${MAX_MAKEFILE_BYTES} bytes, skipped`);
        continue;
      }
      makefiles.push([name, text, s?.mtimeMs ?? 0, s?.size ?? text.length]);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && allFiles !== null) continue; // listed but not extracted (a Kbuild-only tarball)
      problems.push(`${name}: ${code ?? String(error)}`);
    }
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
