import { spawn } from 'node:child_process';
import { GIT_ENV, GitError, type GitLocation, gitArgs } from './run-git.js';

/**
 * Runs git and hands its stdout on in blocks of whole lines (each block ends with a newline, or is the final
 * remainder). For histories of a million commits: a caller can search a block with one native regex instead of
 * paying a callback and a substring per line.
 */
export function streamGitText(
  where: GitLocation,
  args: readonly string[],
  onBlock: (text: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', gitArgs(where, args), {
      cwd: where.cwd,
      env: GIT_ENV,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let rest = '';
    const err: Buffer[] = [];
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const text = rest + chunk;
      const end = text.lastIndexOf('\n');
      if (end === -1) {
        rest = text;
        return;
      }
      rest = text.slice(end + 1);
      onBlock(text.slice(0, end + 1));
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(new GitError(args, null, `cannot run git: ${e.message}`)));
    child.on('close', (code) => {
      if (rest !== '') onBlock(`${rest}\n`);
      if (code === 0) resolve();
      else reject(new GitError(args, code, Buffer.concat(err).toString('utf8')));
    });
  });
}

/** Runs git and calls `onLine` for each stdout line as it streams (for large logs). */
export function streamGitLines(
  where: GitLocation,
  args: readonly string[],
  onLine: (line: string) => void,
): Promise<void> {
  return streamGitText(where, args, (block) => {
    const lines = block.split('\n');
    lines.pop(); // every block ends with a newline
    for (const line of lines) onLine(line);
  });
}
