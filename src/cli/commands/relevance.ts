import { tmpdir } from 'node:os';
import type { Command } from 'commander';
import { runRelevance } from '../../app/relevance/run-relevance.js';
import { UserError } from '../../domain/invalid-input.js';
import { RELEVANCE_FORMATS, type RelevanceFormat, relevanceFormats } from '../../formats/relevance/render-relevance.js';
import type { CommandSpec } from '../command.js';
import { type DataFlags, dataOptionsFrom, endProgress, withDataFlags } from '../data-flags.js';
import { EXIT } from '../errors.js';
import { choiceOption, cveIdArgument } from '../options.js';

type RelevanceFlags = DataFlags & {
  config?: string;
  source?: string;
  builtFiles?: string;
  buildDir?: string;
  files?: string;
  format: RelevanceFormat;
  cache: boolean;
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
        .option(
          '--build-dir <dir|tarball>',
          "the directory a real build ran in: Kbuild's .cmd records decide, headers included (its .config is the default)",
        )
        .option('--files <paths>', 'comma-separated source paths to judge instead of a CVE')
        .option('--no-cache', 'reread the source tree instead of using the cached Kbuild model')
        .addOption(choiceOption('--format <format>', 'output format', RELEVANCE_FORMATS, 'table')),
    ).action((id: string | undefined, flags: RelevanceFlags) =>
      run(async () => {
        if (!flags.config && !flags.buildDir)
          throw new UserError('pass --config FILE (the kernel .config, plain or gzip) or --build-dir DIR');
        if (!flags.source && !flags.buildDir)
          throw new UserError('pass --source DIR (the kernel source tree the config builds) or --build-dir DIR');
        if ((id === undefined) === (flags.files === undefined))
          throw new UserError('give either a CVE id or --files path1,path2');
        const files = (flags.files ?? '')
          .split(',')
          .map((f) => f.trim())
          .filter((f) => f !== '');
        const report = await runRelevance({
          subject: id !== undefined ? { cveId: cveIdArgument(id) } : { files },
          config: flags.config ?? null,
          source: flags.source ?? null,
          builtFiles: flags.builtFiles,
          buildDir: flags.buildDir,
          useCache: flags.cache,
          data: dataOptionsFrom(flags),
          tmpDir: tmpdir(),
        });
        endProgress();
        return { stdout: relevanceFormats[flags.format](report), exitCode: EXIT.ok };
      }),
    );
  },
};
