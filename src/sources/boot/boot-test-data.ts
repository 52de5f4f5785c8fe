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
