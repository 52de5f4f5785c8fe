import { assessRelevance } from '../../analysis/relevance/assess-relevance.js';
import { checkBuiltFiles } from '../../analysis/relevance/check-built-files.js';
import { kbuildWarnings } from '../../analysis/relevance/kbuild-warnings.js';
import { matchBuiltFiles } from '../../analysis/relevance/match-built-files.js';
import type { RelevanceReport } from '../../analysis/relevance/relevance-report.js';
import { requireCveId } from '../../domain/cve-id.js';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import type { DataOptions } from '../../sources/data/data-options.js';
import { readBuiltFiles } from '../../sources/kbuild/read-built-files.js';
import { readKbuildModel } from '../../sources/kbuild/read-kbuild-model.js';
import { readKernelConfig } from '../../sources/read-kernel-config.js';
import { readIndex } from '../../sources/vulns/read-index.js';

export type RelevanceInput = {
  /** What to judge: a CVE's touched files, or a list of source paths. */
  readonly subject: { readonly cveId: string } | { readonly files: readonly string[] };
  readonly config: string;
  readonly source: string;
  readonly builtFiles?: string | undefined;
  /** False: reread the source tree instead of the cached Kbuild model. */
  readonly useCache: boolean;
  readonly data: DataOptions;
  readonly tmpDir: string;
};

/** Does this build compile the code a CVE's fix touched, and why (`kgap relevance`). */
export async function runRelevance(input: RelevanceInput): Promise<RelevanceReport> {
  const config = await readKernelConfig(input.config);
  const builtFiles = input.builtFiles === undefined ? undefined : await readBuiltFiles(input.builtFiles);
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
  const model = await readKbuildModel(input.source, {
    cacheDir: input.useCache ? input.data.cacheDir : null,
    tmpDir: input.tmpDir,
    progress: input.data.progress,
  });
  const warnings = kbuildWarnings(model, config);
  if (builtFiles !== undefined) warnings.push(...checkBuiltFiles(matchBuiltFiles(builtFiles, model), input.builtFiles));
  return {
    cve,
    config: { path: input.config, version: config.version, arch: config.arch },
    source: { path: input.source, version: model.version },
    builtFiles: builtFiles !== undefined,
    relevance: assessRelevance(files, model, config, builtFiles),
    warnings: warnings.sort(),
  };
}
