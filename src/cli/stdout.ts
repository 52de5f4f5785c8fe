import { writeSync } from 'node:fs';
import { UserError } from '../domain/invalid-input.js';

/** How a write to stdout ended: all of it written, or the reader had gone away (`kgap status | head -1`). */
export type StdoutOutcome = 'written' | 'closed';

/**
 * Writes `text` to stdout (file descriptor 1) synchronously, as Node's own stream does for files and pipes on
 * POSIX, without building `process.stdout`: for a pipe that stream is a `net.Socket`, and loading it costs a warm
 * `kgap status` ~2.5 ms of ~110 (measured, docs/performance.md). A non-blocking descriptor that is full (EAGAIN)
 * hands the rest to `process.stdout`, which waits for it to drain. A closed reader (EPIPE) is an outcome, not an
 * error: kgap then ends quietly, as `cat` would. Any other refusal (a full disk, ENOSPC) is the user's to fix: a
 * UserError, one line and exit 2, never a trace or exit 1, which would read as "threshold met".
 */
export async function writeStdout(text: string): Promise<StdoutOutcome> {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return 'closed';
      if (code !== 'EAGAIN') throw unwritable(error);
      return writeThroughStream(bytes.subarray(offset));
    }
  }
  return 'written';
}

function unwritable(error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return new UserError(`cannot write to stdout (${code}): make room where it goes, or send it elsewhere`);
}

function writeThroughStream(rest: Buffer): Promise<StdoutOutcome> {
  return new Promise((resolve, reject) => {
    const settle = (error: NodeJS.ErrnoException | null | undefined) => {
      process.stdout.off('error', settle);
      if (!error) resolve('written');
      else if (error.code === 'EPIPE') resolve('closed');
      else reject(unwritable(error));
    };
    process.stdout.on('error', settle);
    process.stdout.write(rest, settle);
  });
}
