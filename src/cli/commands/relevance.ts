import { tmpdir } from 'node:os';
import type { Command } from 'commander';
import { assessRelevance } from '../../analysis/relevance/assess-relevance.js';
import { checkBuiltFiles } from '../../analysis/relevance/check-built-files.js';
import { kbuildWarnings } from '../../analysis/relevance/kbuild-warnings.js';
import { matchBuiltFiles } from '../../analysis/relevance/match-built-files.js';
import { UserError } from '../../domain/user-error.js';
import { RELEVANCE_FORMATS, type RelevanceFormat, relevanceFormats } from '../../formats/relevance/render-relevance.js';
import { readBuiltFiles } from '../../sources/kbuild/read-built-files.js';
import { readKbuildModel } from '../../sources/kbuild/read-kbuild-model.js';
import { readKernelConfig } from '../../sources/read-kernel-config.js';
import { readIndex } from '../../sources/vulns/read-index.js';
import type { CommandSpec } from '../command.js';
import { dataOptionsFrom, endProgress, stderrProgress, withDataFlags } from '../data-flags.js';
import { EXIT } from '../errors.js';
import { parseChoice } from '../parse-options.js';

type RelevanceOptions = {
  config?: string;
  source?: string;
  builtFiles?: string;
  files?: string;
  format: string;
  cache: boolean;
  vulnsRepo?: string;
  releases?: string;
  cacheDir?: string;
};

/** `kgap relevance CVE-ID --config F --source DIR`: does this build compile the code the CVE's fix touched, and why. */
export const relevanceCommand: CommandSpec = {
  name: 'relevance',
  register(program: Command, run) {
    withDataFlags(
      program
        .command('relevance')
        .description("explain whether a config builds a CVE's files (Kbuild + .config): built-in, module, not built")
        .argument('[id]', 'CVE id, e.g. CVE-2025-21629 (or use --files)')
        .option('--config <file>', 'the kernel .config (plain or gzip)')
        .option('--source <dir|tarball>', 'kernel source tree (directory, or a .tar.xz of one)')
        .option('--built-files <file>', "the build's compiled files (.o/.c paths, one a line): overrides Kbuild")
        .option('--files <paths>', 'comma-separated source paths to judge instead of a CVE')
        .option('--no-cache', 'reread the source tree instead of using the cached Kbuild model')
        .option('--format <format>', `output: ${RELEVANCE_FORMATS.join('|')}`, 'table'),
    ).action((idArg: string | undefined, opts: RelevanceOptions) =>
      run(async () => {
        const format = parseChoice<RelevanceFormat>('--format', opts.format, RELEVANCE_FORMATS);
        if (!opts.config) throw new UserError('pass --config FILE (the kernel .config, plain or gzip)');
        if (!opts.source) throw new UserError('pass --source DIR (the kernel source tree the config builds)');
        if ((idArg === undefined) === (opts.files === undefined)) {
          throw new UserError('give either a CVE id or --files path1,path2');
        }
        const config = await readKernelConfig(opts.config);
        const builtFiles = opts.builtFiles === undefined ? undefined : await readBuiltFiles(opts.builtFiles);
        const data = dataOptionsFrom(opts);
        let cve: { id: string; title: string } | null = null;
        let files: readonly string[];
        if (idArg !== undefined) {
          const id = idArg.trim().toUpperCase();
          if (!/^CVE-\d{4}-\d{4,}$/.test(id))
            throw new UserError(`"${idArg}" is not a CVE id (expected CVE-YYYY-NNNN)`);
          const index = await readIndex(data);
          endProgress();
          const record = index.records.find((r) => r.id === id);
          if (!record)
            throw new UserError(`${id} is not a published kernel CVE in the vulns data; run kgap sync to update`);
          cve = { id, title: record.title };
          files = record.programFiles;
        } else {
          files = (opts.files ?? '')
            .split(',')
            .map((f) => f.trim())
            .filter((f) => f !== '');
          if (files.length === 0)
            throw new UserError('--files takes comma-separated source paths, e.g. net/core/dev.c');
        }
        const model = await readKbuildModel(opts.source, {
          cacheDir: opts.cache ? data.cacheDir : null,
          tmpDir: tmpdir(),
          progress: stderrProgress(),
        });
        const warnings = kbuildWarnings(model, config);
        if (builtFiles !== undefined)
          warnings.push(...checkBuiltFiles(matchBuiltFiles(builtFiles, model), opts.builtFiles));
        const relevance = assessRelevance(files, model, config, builtFiles);
        const report = {
          cve,
          config: { path: opts.config, version: config.version, arch: config.arch },
          source: { path: opts.source, version: model.version },
          builtFiles: builtFiles !== undefined,
          relevance,
          warnings: warnings.sort(),
        };
        return { stdout: relevanceFormats[format](report), exitCode: EXIT.ok };
      }),
    );
  },
};
