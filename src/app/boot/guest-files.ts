/**
 * What goes into the initramfs besides busybox and /init: the modules to load (`modules` + `modulesDir`) and the
 * product's own files (`add`). Two sources may not put a file at the same path.
 */
import type { BootArch } from '../../domain/boot-arch.js';
import { InvalidInput } from '../../domain/invalid-input.js';
import type { ModuleLoad } from '../../sources/boot/parse-modules-dep.js';
import { readAddedFiles } from '../../sources/boot/read-added-files.js';
import { readModuleFiles } from '../../sources/boot/read-module-files.js';
import type { InitramfsFile } from '../../sources/boot/write-initramfs.js';
import type { BootInput } from './boot-input.js';

/** Reads the module files and the added trees; bad input names `modules`, `modulesDir` or `add`. */
export async function readGuestFiles(options: {
  readonly input: Pick<BootInput, 'modules' | 'modulesDir' | 'add'>;
  readonly arch: BootArch;
  readonly xz: string | null;
}): Promise<{ readonly modules: readonly ModuleLoad[]; readonly files: readonly InitramfsFile[] }> {
  const { input } = options;
  const modules = await readModuleFiles({
    names: input.modules ?? [],
    modulesDir: input.modulesDir,
    xz: options.xz,
    arch: options.arch,
  });
  const added = await readAddedFiles(input.add ?? []);
  const modulePaths = new Set(modules.files.map((f) => f.path));
  const clash = added.find((f) => modulePaths.has(f.path));
  if (clash !== undefined) {
    throw new InvalidInput('add', `holds /${clash.path}, where a module to load goes; leave lib/modules out of it`);
  }
  return { modules: modules.plan, files: [...modules.files, ...added] };
}
