import type { BuildEvidence } from '../../analysis/relevance/assess-relevance.js';
import { checkBuildRecord } from '../../analysis/relevance/check-build-record.js';
import { checkBuiltFiles } from '../../analysis/relevance/check-built-files.js';
import { kbuildWarnings } from '../../analysis/relevance/kbuild-warnings.js';
import { matchBuiltFiles } from '../../analysis/relevance/match-built-files.js';
import { InvalidInput } from '../../domain/invalid-input.js';
import type { KbuildModel } from '../../domain/kbuild-model.js';
import type { KernelConfig } from '../../domain/kernel-config.js';
import { readBuildRecord } from '../../sources/kbuild/read-build-record.js';
import { readBuiltFiles } from '../../sources/kbuild/read-built-files.js';
import { readKbuildModel } from '../../sources/kbuild/read-kbuild-model.js';
import { readKernelConfig } from '../../sources/read-kernel-config.js';
import type { StatusSession } from '../status/status-session.js';

/** What relevance is judged against: the config, the source tree, and the build's own word, as the user gave them. */
export type RelevanceSources = {
  /** The `.config`; null: the build directory's own `.config`. */
  readonly config: string | null;
  /** Kernel source tree (directory or tarball); null when the user gave none. */
  readonly source: string | null;
  /** `--built-files`: the build's compiled files, one a line. */
  readonly builtFiles?: string | undefined;
  /** `--build-dir`: the directory (or a tarball) Kbuild built the kernel in. */
  readonly buildDir?: string | undefined;
  /** Where the Kbuild model and extracted tarballs are cached; null: no cache. */
  readonly cacheDir: string | null;
  readonly tmpDir: string;
  readonly progress?: ((message: string) => void) | null;
  /** Shares each source tree's Kbuild model across the products of a fleet scan. */
  readonly session?: StatusSession | undefined;
};

export type RelevanceInputs = {
  readonly config: KernelConfig;
  /** Where the config came from, for messages: the path given, or the build directory's `.config`. */
  readonly configPath: string;
  readonly model: KbuildModel;
  readonly evidence: BuildEvidence | undefined;
  /** Sorted, one line each. */
  readonly warnings: readonly string[];
};

/** Reads the config, the Kbuild model and the build's evidence once. */
export async function readRelevanceInputs(input: RelevanceSources): Promise<RelevanceInputs> {
  if (input.builtFiles !== undefined && input.buildDir !== undefined) {
    throw new InvalidInput('buildDir', 'and builtFiles both describe the build: give one of them');
  }
  const record =
    input.buildDir === undefined
      ? undefined
      : await readBuildRecord(input.buildDir, { cacheDir: input.cacheDir, progress: input.progress ?? null });
  const configPath = input.config ?? record?.config ?? null;
  if (configPath === null) {
    throw new InvalidInput('config', `is needed: ${input.buildDir} holds no .config (give the kernel .config)`);
  }
  const config = await readKernelConfig(configPath);
  const builtFiles = input.builtFiles === undefined ? undefined : await readBuiltFiles(input.builtFiles);
  const model: KbuildModel =
    input.source === null
      ? {
          source: '(none)',
          version: null,
          files: null,
          makefiles: new Map(),
          problems: [
            record === undefined
              ? 'no --source given: pass --source DIR (the kernel tree this config builds) to tell built code apart'
              : 'no --source given: files missing from the build record stay unknown (pass --source DIR to tell a file the build skipped from one this version lacks)',
          ],
        }
      : await latestModel(input.session, input.source, () =>
          readKbuildModel(input.source as string, {
            cacheDir: input.cacheDir,
            tmpDir: input.tmpDir,
            progress: input.progress ?? null,
          }),
        );
  const warnings = kbuildWarnings(model, config);
  if (builtFiles !== undefined) warnings.push(...checkBuiltFiles(matchBuiltFiles(builtFiles, model), input.builtFiles));
  if (record !== undefined) {
    const own = record.config !== null && record.config !== configPath ? await readKernelConfig(record.config) : null;
    warnings.push(...checkBuildRecord(record, config, own));
  }
  const label = input.config ?? `${input.buildDir}${input.buildDir?.endsWith('/') ? '' : '/'}.config`;
  return { config, configPath: label, model, evidence: record ?? builtFiles, warnings: warnings.sort() };
}

/**
 * The session keeps the last source tree's model only: products that share a tree are scanned one after another
 * (by name) and share it; a model is tens of MB, so keeping the models of 50 trees would only feed the GC.
 */
async function latestModel(
  session: StatusSession | undefined,
  source: string,
  read: () => Promise<KbuildModel>,
): Promise<KbuildModel> {
  if (session === undefined) return read();
  const last = session.memo.get('kbuild-last') as Promise<{ source: string; model: KbuildModel }> | undefined;
  if (last !== undefined) {
    const known = await last.catch(() => null);
    if (known?.source === source) return known.model;
  }
  const made = read().then((model) => ({ source, model }));
  session.memo.set('kbuild-last', made);
  made.catch(() => session.memo.delete('kbuild-last'));
  return (await made).model;
}
