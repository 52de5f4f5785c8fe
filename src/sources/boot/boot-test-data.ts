import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataDir } from '../data/data-options.js';

/** The shared Debian kernels tests boot, with their `uname -r`; null when `../shared/data/boot` is absent. */
export function sharedBootKernels(env: NodeJS.ProcessEnv = process.env) {
  const data = sharedDataDir(env);
  if (data === null) return null;
  const kernels = [
    { file: join(data, 'boot', 'vmlinuz-6.1.170-3-amd64'), release: '6.1.0-47-amd64', debian: '6.1.170-3' },
    { file: join(data, 'boot', 'vmlinuz-6.1.192-3-amd64'), release: '6.1.0-57-amd64', debian: '6.1.192-3' },
  ] as const;
  return kernels.every((k) => existsSync(k.file)) ? kernels : null;
}

/** The shared Debian arm64 kernel (an uncompressed Image), or null when it is absent. */
export function sharedArm64Kernel(env: NodeJS.ProcessEnv = process.env) {
  const data = sharedDataDir(env);
  if (data === null) return null;
  const kernel = {
    file: join(data, 'boot', 'vmlinuz-6.1.170-3-arm64'),
    release: '6.1.0-47-arm64',
    debian: '6.1.170-3',
  };
  return existsSync(kernel.file) ? kernel : null;
}

/**
 * The arm64 modules of that kernel, unpacked from Debian's linux-image-6.1.0-47-arm64-unsigned where `.ci/run`
 * puts them (with `depmod` run), or null when they are not there.
 */
export function sharedArm64ModulesDir(): string | null {
  const dir = '/opt/kgap/arm64/lib/modules/6.1.0-47-arm64';
  return existsSync(join(dir, 'modules.dep')) ? dir : null;
}
