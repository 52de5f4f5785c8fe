import { join } from 'node:path';
import type { BootRun } from '../../domain/boot-run.js';
import { writeFileAtomic } from '../data/write-atomic.js';

/** File names in a boot results directory: the KTAP report `gate` reads and the raw console it was judged from. */
export const BOOT_RESULT_FILES = { ktap: 'boot.ktap', console: 'console.log' } as const;

/** Writes `boot.ktap` and `console.log` into `dir` (created if needed); returns the paths written. */
export async function writeBootResults(
  dir: string,
  run: Pick<BootRun, 'ktap' | 'console'>,
): Promise<readonly string[]> {
  const ktap = join(dir, BOOT_RESULT_FILES.ktap);
  const consoleLog = join(dir, BOOT_RESULT_FILES.console);
  await writeFileAtomic(ktap, run.ktap);
  await writeFileAtomic(consoleLog, run.console);
  return [ktap, consoleLog];
}
