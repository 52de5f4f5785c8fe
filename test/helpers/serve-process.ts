import { type ChildProcess, spawn } from 'node:child_process';
import { CLI } from './run-cli.js';

/** How a stopped `kgap serve` ended: its exit code and what it printed on stdout. */
export type ServeEnd = { readonly code: number | null; readonly stdout: string };

/** A `kgap serve` child process and the URL it listens on; `stop` sends `signal` (SIGTERM) and waits for the end. */
export type ServeProcess = {
  readonly url: string;
  readonly child: ChildProcess;
  readonly stop: (signal?: NodeJS.Signals) => Promise<ServeEnd>;
};

/** Starts `kgap serve ARGS --port 0` and waits for the line naming its URL. */
export function startServe(args: readonly string[], env: Record<string, string> = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`kgap serve did not start: ${err}`)), 30_000);
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /kgap serve: (http:\/\/\S+?)\/ /.exec(err);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          child,
          stop: (signal = 'SIGTERM') =>
            new Promise((done) => {
              child.once('close', (code) => done({ code, stdout: out }));
              child.kill(signal);
            }),
        });
      }
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`kgap serve exited ${code}: ${err}`));
    });
  });
}
