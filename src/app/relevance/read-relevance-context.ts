import { assessRelevance, type Relevance } from '../../analysis/relevance/assess-relevance.js';
import { checkBuiltFiles } from '../../analysis/relevance/check-built-files.js';
import { kbuildWarnings } from '../../analysis/relevance/kbuild-warnings.js';
import { matchBuiltFiles } from '../../analysis/relevance/match-built-files.js';
import type { KbuildModel } from '../../domain/kbuild-model.js';
import { readBuiltFiles } from '../../sources/kbuild/read-built-files.js';
import { readKbuildModel } from '../../sources/kbuild/read-kbuild-model.js';
import { readKernelConfig } from '../../sources/read-kernel-config.js';
import type { StatusSession } from '../status/status-session.js';

/** The relevance engine bound to one product build, and what the user should know about its inputs. */
export type RelevanceContext = {
  readonly judge: (programFiles: readonly string[]) => Relevance;
  readonly warnings: readonly string[];
};

export type RelevanceInputs = {
  readonly config: string;
  /** Kernel source tree (directory or tarball); null when the user gave none. */
  readonly source: string | null;
  readonly builtFiles?: string | undefined;
  readonly cacheDir: string;
  readonly tmpDir: string;
  readonly progress?: ((message: string) => void) | null;
  /** Shares each source tree's Kbuild model across the products of a fleet scan. */
  readonly session?: StatusSession | undefined;
};

/** Reads the config, the Kbuild model and the build list once, for `kgap status --config`. */
export async function readRelevanceContext(inputs: RelevanceInputs): Promise<RelevanceContext> {
  const config = await readKernelConfig(inputs.config);
  const builtFiles = inputs.builtFiles === undefined ? undefined : await readBuiltFiles(inputs.builtFiles);
  const model: KbuildModel =
    inputs.source === null
      ? {
          source: '(none)',
          version: null,
          files: null,
          makefiles: new Map(),
          problems: [
            'no --source given: pass --source DIR (the kernel tree this config builds) to tell built code apart',
          ],
        }
      : await latestModel(inputs.session, inputs.source, () =>
          readKbuildModel(inputs.source as string, {
            cacheDir: inputs.cacheDir,
            tmpDir: inputs.tmpDir,
            progress: inputs.progress ?? null,
          }),
        );
  const warnings = kbuildWarnings(model, config);
  if (builtFiles !== undefined)
    warnings.push(...checkBuiltFiles(matchBuiltFiles(builtFiles, model), inputs.builtFiles));
  return { judge: (files) => assessRelevance(files, model, config, builtFiles), warnings: warnings.sort() };
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
