import { Command, CommanderError } from 'commander';
import { printableLine, printableOutput } from '../formats/text/printable.js';
import type { ActionRunner } from './command.js';
import { commands } from './commands/index.js';
import { type CommandResult, EXIT, type ExitCode, InvalidInput, UserError } from './errors.js';
import { flagOfField } from './options.js';
import { writeStdout } from './stdout.js';

/** Maps anything thrown to an exit code and a one-line message: the only place exit codes are decided. */
function exitCodeFor(error: unknown): { code: ExitCode; message: string } {
  // Below the CLI an input error names the use-case's field (`asOf`); the user typed a flag (`--as-of`).
  // Messages echo input (paths, versions): one line, control characters shown as escapes.
  if (error instanceof InvalidInput)
    return { code: EXIT.usage, message: `kgap: ${flagOfField(error.field)} ${printableLine(error.problem)}` };
  if (error instanceof UserError) return { code: EXIT.usage, message: `kgap: ${printableLine(error.message)}` };
  if (error instanceof CommanderError) return { code: EXIT.usage, message: '' };
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { code: EXIT.internal, message: `kgap: internal error (this is a bug, please report it):\n${detail}` };
}

// A reader that stops early (`kgap status | head -1`) closes stdout: end quietly with 0, as `cat` would, never with
// a trace (exit 1 means "threshold met" in kgap's contract).
async function writeReport(text: string): Promise<void> {
  if (text === '') return;
  // Control characters never reach a terminal from records or inputs (ESC would rewrite it): docs/security.md.
  if ((await writeStdout(printableOutput(text))) === 'closed') process.exit(EXIT.ok);
}

/**
 * Runs `kgap ARGV` (the words after `kgap`) and returns the exit code; the report goes to stdout, errors to
 * stderr as one line. `version` is what `--version` prints (main.ts has it).
 */
export async function runProgram(argv: readonly string[], version: string): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT.ok;
  const run: ActionRunner = async (action) => {
    const result: CommandResult = await action();
    await writeReport(result.stdout);
    exitCode = result.exitCode;
  };
  const program = new Command('kgap')
    .description('How far is a product Linux kernel behind its stable branch, and is updating safe?')
    .version(version)
    .enablePositionalOptions()
    .exitOverride()
    // One line per usage error, like every other error: `kgap: option '--format <format>' argument 'xml' is
    // invalid. Allowed choices are table, json. (run kgap --help for usage)`.
    .configureOutput({
      // Help and usage text: the same closed-reader handling as reports.
      writeOut: (text) => {
        writeStdout(text).then(
          (outcome) => outcome === 'closed' && process.exit(EXIT.ok),
          (error: unknown) => {
            const { code, message } = exitCodeFor(error);
            process.stderr.write(`${message}\n`);
            process.exit(code);
          },
        );
      },
      outputError: (text, write) =>
        write(
          `kgap: ${text
            .replace(/^error: /, '')
            .replace(/\s*\n\s*/g, ' ')
            .trim()} (run kgap --help for usage)\n`,
        ),
    });
  // Load only the command being run: the first word that is not an option (the program's own options take no
  // value). `kgap help`, `kgap --help` and a bare `kgap` load them all to list them.
  const word = argv.find((a) => !a.startsWith('-'));
  const wanted = commands.find((c) => c.name === word);
  try {
    // Refused before commander parses: it would read `kgap fleet add x --version 6.1.1` as the program's
    // `--version` and exit 0.
    if (word !== undefined && wanted === undefined && word !== 'help') {
      throw new UserError(`unknown command "${word}" (run kgap --help)`);
    }
    const versionOnly = !wanted && argv.length > 0 && argv.every((a) => a === '-V' || a === '--version');
    const toLoad = wanted ? [wanted] : versionOnly ? [] : commands;
    for (const entry of toLoad) (await entry.load()).register(program, run);
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError && (error.exitCode === 0 || error.code === 'commander.helpDisplayed')) {
      return EXIT.ok;
    }
    const { code, message } = exitCodeFor(error);
    if (message) process.stderr.write(`${message}\n`);
    return code;
  }
  return exitCode;
}
