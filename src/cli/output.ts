import { appendFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UserError } from '../domain/invalid-input.js';
import { writeFileAtomic } from '../sources/data/write-atomic.js';
import type { CommandResult } from './errors.js';

/**
 * Reproducible-builds' `SOURCE_DATE_EPOCH` (whole seconds since 1970-01-01 UTC): the timestamp VEX and SBOM
 * documents carry. Unset: null (the documents use the data's own time). Anything else is refused.
 */
export function sourceDateEpochFrom(env: NodeJS.ProcessEnv): number | null {
  const text = env.SOURCE_DATE_EPOCH;
  if (text === undefined || text === '') return null;
  if (!/^\d{1,12}$/.test(text.trim()))
    throw new UserError(`SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, not "${text}"`);
  return Number(text.trim());
}

/** The `--output FILE` option: the report goes to FILE (written atomically) instead of stdout. */
export const OUTPUT_FLAG = ['--output <file>', 'write the report to FILE (atomically) instead of stdout'] as const;

/**
 * Refuses an `--output` whose directory does not exist, before any work is done. Creating it would hide a typo
 * (and Node's recursive mkdir hangs under /proc).
 */
export async function checkOutputDir(output: string | undefined): Promise<void> {
  if (output === undefined) return;
  const dir = await stat(dirname(output)).catch(() => null);
  if (!dir?.isDirectory())
    throw new UserError(
      `cannot write --output ${output}: ${dirname(output)} is not a directory; give a writable file path`,
    );
}

/**
 * Delivers a report: to `output` when given (atomic: readers see the old file or the new, never half), else to
 * stdout. An unwritable path (a missing directory, no permission) is the user's to fix: one line, exit 2.
 */
export async function deliverReport(
  text: string,
  output: string | undefined,
  exitCode: CommandResult['exitCode'],
): Promise<CommandResult> {
  if (output === undefined) return { stdout: text, exitCode };
  // The directory must exist: creating it would hide a typo (and Node's recursive mkdir hangs under /proc).
  const dir = await stat(dirname(output)).catch(() => null);
  if (!dir?.isDirectory())
    throw new UserError(
      `cannot write --output ${output}: ${dirname(output)} is not a directory; give a writable file path`,
    );
  try {
    await writeFileAtomic(output, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(`cannot write --output ${output} (${code}): give a writable file path`);
  }
  return { stdout: '', exitCode };
}

/**
 * GitHub Actions: appends Markdown to the job's step summary (`$GITHUB_STEP_SUMMARY`), where the full list goes
 * while the step's annotations show only the first few. Outside Actions (no variable) it says where it would go.
 */
export async function appendStepSummary(markdown: string, env: NodeJS.ProcessEnv): Promise<void> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) {
    process.stderr.write(
      'kgap: GITHUB_STEP_SUMMARY is not set: the full list is not written (use --format markdown)\n',
    );
    return;
  }
  try {
    await appendFile(file, markdown);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(`cannot append to GITHUB_STEP_SUMMARY ${file} (${code})`);
  }
}
