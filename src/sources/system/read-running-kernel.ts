import { release } from 'node:os';
import { join } from 'node:path';
import type { RunningKernelFacts } from '../../domain/distro-version.js';
import { readBoundedText } from '../io/read-bounded.js';

/**
 * Reads what the running system says about its kernel. `procRoot` (default /proc, or $KGAP_PROC_ROOT) lets tests
 * and containers point at another tree.
 */
export async function readRunningKernelFacts(
  procRoot = process.env.KGAP_PROC_ROOT ?? '/proc',
): Promise<RunningKernelFacts> {
  const read = (name: string) => readBoundedText(join(procRoot, name), { field: 'running' }).catch(() => undefined);
  const [procVersion, versionSignature, osrelease] = await Promise.all([
    read('version'),
    read('version_signature'),
    read('sys/kernel/osrelease'),
  ]);
  const unameRelease = osrelease?.trim() || (procRoot === '/proc' ? release() : undefined);
  return { procVersion, versionSignature, unameRelease };
}
