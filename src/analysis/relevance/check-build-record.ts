/**
 * A build record is ground truth only when it is the record of a finished build of this config: a record without
 * vmlinux, or without the modules the config asks for, would call their files not built. Refuse those; say how the
 * record was used, and where it disagrees with the config given.
 */
import type { BuildRecord } from '../../domain/build-record.js';
import { InvalidInput } from '../../domain/invalid-input.js';
import type { KernelConfig } from '../../domain/kernel-config.js';

/** Throws `InvalidInput('buildDir', …)` for an unfinished build; returns the lines worth a warning. Pure. */
export function checkBuildRecord(
  record: BuildRecord,
  config: KernelConfig,
  buildConfig: KernelConfig | null,
): string[] {
  if (!record.linkedVmlinux) {
    throw new InvalidInput(
      'buildDir',
      `${record.source} has no record of linking vmlinux (.vmlinux.cmd): give the directory of a finished build (make)`,
    );
  }
  const buildsModules = [...config.values.values()].some((v) => v === 'm');
  if (buildsModules && record.modules === null) {
    throw new InvalidInput(
      'buildDir',
      `${record.source} has no modules.order although the config builds modules: run make modules there, or the modules' files would read as not built`,
    );
  }
  const out = [
    `build record ${record.source}: ${record.compiled.size} compiled files, ${record.included.size} included files, ${record.modules?.length ?? 0} modules`,
  ];
  if (buildConfig !== null) {
    const differ = [...new Set([...config.values.keys(), ...buildConfig.values.keys()])].filter(
      (k) => (config.values.get(k) ?? 'n') !== (buildConfig.values.get(k) ?? 'n'),
    );
    if (differ.length > 0) {
      out.push(
        `the build directory's .config differs from the config given in ${differ.length} symbol(s) (first: ${differ.sort()[0]}): answers follow the build record`,
      );
    }
  }
  if (record.problems.length > 0) {
    out.push(`${record.problems.length} file(s) of the build record could not be read (first: ${record.problems[0]})`);
  }
  return out;
}
