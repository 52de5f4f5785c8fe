import { existsSync } from 'node:fs';

import { join } from 'node:path';
import { readBoundedText } from '../io/read-bounded.js';

/** Where the running system keeps its kernel facts: `/proc` and `/boot`, or other trees for tests and containers. */
export type SystemRoots = { readonly procDir: string; readonly bootDir: string };

/** `/proc` and `/boot`, unless `KGAP_PROC_ROOT` / `KGAP_BOOT_DIR` point elsewhere (tests, containers). */
export function systemRootsFrom(env: NodeJS.ProcessEnv): SystemRoots {
  return { procDir: env.KGAP_PROC_ROOT || '/proc', bootDir: env.KGAP_BOOT_DIR || '/boot' };
}

/**
 * The running kernel's config, when the system exposes one: /proc/config.gz (CONFIG_IKCONFIG_PROC), else
 * /boot/config-$(uname -r) as distributions install it; null when neither exists. `fallbackRelease` is
 * `uname -r` of this process, used when the proc tree has no osrelease. The one finder `status --running` and
 * `harden --running` share.
 */
export async function findRunningConfig(roots: SystemRoots, fallbackRelease: string): Promise<string | null> {
  const gz = join(roots.procDir, 'config.gz');
  if (existsSync(gz)) return gz;
  const osrelease = (
    await readBoundedText(join(roots.procDir, 'sys/kernel/osrelease'), { field: 'running' }).catch(
      () => fallbackRelease,
    )
  ).trim();
  const boot = join(roots.bootDir, `config-${osrelease}`);
  return existsSync(boot) ? boot : null;
}
