/**
 * Reads the `.ko` files a module-load check needs from the kernel's `lib/modules/<release>` directory.
 * The shared Debian kernels come without their modules, so module checks run only when the user supplies that
 * directory (from the matching linux-image package); `.ko.xz` and `.ko.gz` are decompressed on the host because
 * busybox's insmod takes plain ELF objects.
 */
import { join } from 'node:path';
import { type BootArch, ELF_MACHINE, elfMachineName } from '../../domain/boot-arch.js';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import { gunzipBounded, readBoundedBytes } from '../io/read-bounded.js';
import { elfMachine } from './image-bytes.js';
import { type ModuleLoad, parseModulesDep, planModuleLoads } from './parse-modules-dep.js';
import { runXzDecompress } from './run-xz.js';
import type { InitramfsFile } from './write-initramfs.js';

const NAME_RE = /^[A-Za-z0-9_-]{1,64}$/;

async function readKo(path: string, xz: string | null): Promise<Uint8Array> {
  const raw = await readBoundedBytes(path, { field: 'modulesDir', limit: 'kernelImageBytes' });
  if (path.endsWith('.ko')) return raw;
  if (path.endsWith('.ko.gz')) return gunzipBounded(raw, path, { field: 'modulesDir', limit: 'kernelImageBytes' });
  if (path.endsWith('.ko.xz')) {
    if (xz === null) throw new UserError(`${path} is XZ-compressed and xz is not installed; apt-get install xz-utils`);
    return runXzDecompress(raw, xz);
  }
  throw new UserError(`${path}: unsupported module compression; only .ko, .ko.xz and .ko.gz are handled`);
}

/**
 * The guest's module plan (each module's files in load order, as paths inside the initramfs) and the files to put
 * in the initramfs (under `lib/modules/`). Bad input is an `InvalidInput` naming `modules` or `modulesDir`.
 */
export async function readModuleFiles(options: {
  readonly names: readonly string[];
  readonly modulesDir: string | undefined;
  readonly xz: string | null;
  /** The kernel's architecture: modules built for another one are refused before a boot is spent on them. */
  readonly arch: BootArch;
}): Promise<{ readonly plan: readonly ModuleLoad[]; readonly files: readonly InitramfsFile[] }> {
  if (options.names.length === 0) return { plan: [], files: [] };
  const bad = options.names.find((n) => !NAME_RE.test(n));
  if (bad !== undefined) throw new InvalidInput('modules', `${JSON.stringify(bad)} is not a module name`);
  if (options.modulesDir === undefined) {
    throw new InvalidInput(
      'modulesDir',
      "is needed to load modules: the kernel's lib/modules/<release> directory (from its linux-image package)",
    );
  }
  const depText = await readBoundedBytes(join(options.modulesDir, 'modules.dep'), { field: 'modulesDir' }).then(
    (b) => b.toString('utf8'),
    (e: unknown) => {
      if (e instanceof InvalidInput) throw e;
      return null;
    },
  );
  if (depText === null) {
    throw new InvalidInput(
      'modulesDir',
      `${options.modulesDir} has no modules.dep; pass the lib/modules/<release> directory`,
    );
  }
  const { loads, unknown } = planModuleLoads(parseModulesDep(depText), options.names);
  if (unknown.length > 0) {
    throw new InvalidInput('modules', `${unknown.join(', ')}: not in the modules.dep of ${options.modulesDir}`);
  }
  const files = new Map<string, Uint8Array>();
  const plan: ModuleLoad[] = [];
  for (const load of loads) {
    const inGuest: string[] = [];
    for (const rel of load.files) {
      // These paths end up in the generated /init; accept only what depmod writes.
      if (!/^[A-Za-z0-9_.+/-]+$/.test(rel) || rel.includes('..'))
        throw new UserError(`modules.dep lists an odd path: ${rel}`);
      const target = `lib/modules/${rel.replace(/\.(xz|gz)$/, '')}`;
      if (!files.has(target)) {
        const ko = await readKo(join(options.modulesDir, rel), options.xz);
        const machine = elfMachine(ko);
        if (machine !== ELF_MACHINE[options.arch]) {
          const built = machine === null ? 'is not an ELF object' : `is built for ${elfMachineName(machine)}`;
          throw new InvalidInput(
            'modulesDir',
            `${options.modulesDir}: ${rel} ${built}, and the kernel is ${options.arch}`,
          );
        }
        files.set(target, ko);
      }
      inGuest.push(`/${target}`);
    }
    plan.push({ name: load.name, files: inGuest });
  }
  return { plan, files: [...files].map(([path, data]) => ({ path, data })) };
}
