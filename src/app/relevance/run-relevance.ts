import { assessRelevance } from '../../analysis/relevance/assess-relevance.js';
import type { RelevanceReport } from '../../analysis/relevance/relevance-report.js';
import { requireCveId } from '../../domain/cve-id.js';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { readIndex } from '../../sources/vulns/read-index.js';
import { readRelevanceInputs } from './read-relevance-inputs.js';

export type RelevanceInput = {
  /** What to judge: a CVE's touched files, or a list of source paths. */
  readonly subject: { readonly cveId: string } | { readonly files: readonly string[] };
  /** The `.config`; null: the build directory's own (`buildDir` is then required). */
  readonly config: string | null;
  /** The kernel source tree; null only with `buildDir` (files missing from the record then stay unknown). */
  readonly source: string | null;
  readonly builtFiles?: string | undefined;
  /** The directory (or a tarball of it) a real build ran in: Kbuild's record decides, headers included. */
  readonly buildDir?: string | undefined;
  /** False: reread the source tree instead of the cached Kbuild model. */
  readonly useCache: boolean;
  readonly data: DataOptions;
  readonly tmpDir: string;
};

/** Does this build compile the code a CVE's fix touched, and why (`kgap relevance`). */
export async function runRelevance(input: RelevanceInput): Promise<RelevanceReport> {
  if (input.source === null && input.buildDir === undefined) {
    throw new InvalidInput('source', 'is needed (the kernel source tree the config builds), unless buildDir is given');
  }
  if (input.config === null && input.buildDir === undefined) {
    throw new InvalidInput('config', 'is needed (the kernel .config), unless buildDir holds one');
  }
  let cve: RelevanceReport['cve'] = null;
  let files: readonly string[];
  if ('cveId' in input.subject) {
    const id = requireCveId('cveId', input.subject.cveId);
    const index = await readIndex(input.data);
    const record = index.records.find((r) => r.id === id);
    if (!record) throw new UserError(`${id} is not a published kernel CVE in the vulns data; run kgap sync to update`);
    cve = { id, title: record.title };
    files = record.programFiles;
  } else {
    files = input.subject.files;
    if (files.length === 0) throw new InvalidInput('files', 'takes source paths, e.g. net/core/dev.c');
  }
  const { config, configPath, model, evidence, warnings } = await readRelevanceInputs({
    config: input.config,
    source: input.source,
    builtFiles: input.builtFiles,
    buildDir: input.buildDir,
    cacheDir: input.useCache ? input.data.cacheDir : null,
    tmpDir: input.tmpDir,
    progress: input.data.progress,
  });
  return {
    cve,
    config: { path: configPath, version: config.version, arch: config.arch },
    source: { path: input.source ?? '(none)', version: model.version },
    builtFiles: input.builtFiles !== undefined,
    buildDir: input.buildDir ?? null,
    relevance: assessRelevance(files, model, config, evidence),
    warnings,
  };
}
