/** Input mismatches worth telling the user: they make answers `unknown`, or the config may not fit the source. */

import type { KbuildModel } from '../../domain/kbuild-model.js';
import type { KernelConfig } from '../../domain/kernel-config.js';
import { kbuildArch } from './kbuild-arch.js';

/** Sorted, one line each. Pure. */
export function kbuildWarnings(model: KbuildModel, config: KernelConfig): string[] {
  const out: string[] = [...model.problems.slice(0, 5)];
  if (model.problems.length > 5) out.push(`${model.problems.length - 5} more problems reading ${model.source}`);
  if (config.problems.length > 0) {
    out.push(
      `${config.source}: ${config.problems.length} line(s) are not config settings (first: ${config.problems[0]})`,
    );
  }
  if (config.version === null) {
    out.push(
      `${config.source} has no "# Linux/<arch> <version> Kernel Configuration" header: cannot check it fits the source`,
    );
  } else if (model.version !== null && !sameRelease(config.version, model.version)) {
    out.push(
      `config is for ${config.version} but the source is ${model.version}: answers follow the source's Makefiles`,
    );
  }
  const arch = kbuildArch(config);
  if (arch === null) {
    out.push(`${config.source} does not say its architecture: arch/ code comes out unknown`);
  } else if (model.makefiles.size > 0 && !model.makefiles.has(`arch/${arch.srcarch}/Makefile`)) {
    out.push(`the source has no arch/${arch.srcarch}/Makefile: is the config (${arch.arch}) for another architecture?`);
  }
  return out.sort();
}

// `6.1.170` and `6.1.170-rc1+` are the same release for this purpose; Debian headers carry the upstream version.
function sameRelease(a: string, b: string): boolean {
  const core = (v: string) => /^\d+\.\d+(\.\d+)?/.exec(v)?.[0] ?? v;
  return core(a) === core(b);
}
