import { limitOf } from '../io/input-limits.js';
import { GitError, type GitLocation, gitOutputTooLarge, idleFailure, spawnGit } from './run-git.js';

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
    // One line longer than the output limit (a commit message of a gigabyte) is refused, not held.
    const max = limitOf('gitOutputBytes');
    const child = spawnGit(where, args, 'ignore');
    let rest = '';
    let over = false;
    const err: Buffer[] = [];
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      if (over) return;
      const text = rest + chunk;
      const end = text.lastIndexOf('\n');
      if (end === -1) {
        rest = text;
        if (rest.length > max) {
          over = true;
          rest = '';
          child.kill('SIGKILL');
        }
        return;
      }
      rest = text.slice(end + 1);
      onBlock(text.slice(0, end + 1));
    });
    child.stderr?.on('data', (b: Buffer) => {
      if (err.length < 64) err.push(b);
    });
    child.on('error', (e) => reject(new GitError(args, null, `cannot run git: ${e.message}`)));
    child.on('close', (code) => {
      const stalled = idleFailure(child, args);
      if (stalled) return reject(stalled);
      if (over) return reject(gitOutputTooLarge(args, max));
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
