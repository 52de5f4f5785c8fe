import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BootRun } from './run-boot.js';

/** File names in a boot results directory: the KTAP report `gate` reads and the raw console it was judged from. */
export const BOOT_RESULT_FILES = { ktap: 'boot.ktap', console: 'console.log' } as const;

/** Writes `boot.ktap` and `console.log` into `dir` (created if needed); returns the paths written. */
export async function writeBootResults(dir: string, run: BootRun): Promise<readonly string[]> {
  await mkdir(dir, { recursive: true });
  const ktap = join(dir, BOOT_RESULT_FILES.ktap);
  const consoleLog = join(dir, BOOT_RESULT_FILES.console);
  await writeFile(ktap, run.ktap);
  await writeFile(consoleLog, run.console);
  return [ktap, consoleLog];
}
