/**
 * Runs QEMU once, capturing the serial console, with a hard timeout. Spawned directly (never via a shell);
 * stdin is /dev/null so `-nographic`'s monitor multiplexer reads nothing.
 */
import { spawn } from 'node:child_process';

export type QemuRun = {
  readonly console: string;
  readonly stderr: string;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly durationMs: number;
};

// A runaway console (a kernel stuck printing) must not eat the host's memory.
const MAX_CONSOLE_BYTES = 16 * 1024 * 1024;

/** The QEMU argument list: TCG (no KVM here), serial console on stdout, no NIC (skips the iPXE option ROM). */
export function planQemuArgs(options: {
  readonly kernel: string;
  readonly initrd: string;
  readonly append: string;
  readonly memoryMb: number;
}): string[] {
  return [
    ...['-accel', 'tcg', '-nographic', '-no-reboot', '-nic', 'none', '-m', String(options.memoryMb)],
    ...['-kernel', options.kernel, '-initrd', options.initrd, '-append', options.append],
  ];
}

export function runQemu(options: {
  readonly qemu: string;
  readonly args: readonly string[];
  readonly timeoutMs: number;
  readonly now: () => number;
}): Promise<QemuRun> {
  return new Promise((resolve, reject) => {
    const started = options.now();
    const child = spawn(options.qemu, options.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (outBytes < MAX_CONSOLE_BYTES) out.push(chunk);
      outBytes += chunk.length;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 65536) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL'); // the guest is hung or looping; there is nothing to shut down gracefully
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({
        console: Buffer.concat(out).toString('utf8'),
        stderr,
        exitCode,
        signal,
        timedOut,
        durationMs: options.now() - started,
      });
    });
  });
}
