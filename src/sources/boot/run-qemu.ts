/**
 * Runs QEMU once, capturing the serial console, with a hard timeout. Spawned directly (never via a shell);
 * stdin is /dev/null so `-nographic`'s monitor multiplexer reads nothing.
 */
import { spawn } from 'node:child_process';
import type { BootArch } from '../../domain/boot-arch.js';
import { QEMU_MACHINES } from './qemu-machine.js';

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

/**
 * The QEMU argument list: the architecture's machine, TCG (no KVM, so timings compare across hosts), serial
 * console on stdout, no NIC. `cpu` replaces the machine's CPU model (the benchmark boots plain `-cpu max`, the
 * naive choice, to measure what `pauth-impdef=on` saves).
 */
export function planQemuArgs(options: {
  readonly arch: BootArch;
  readonly kernel: string;
  readonly initrd: string;
  readonly append: string;
  readonly memoryMb?: number;
  readonly cpu?: string;
}): string[] {
  const machine = QEMU_MACHINES[options.arch];
  const machineArgs = [...machine.machineArgs];
  const cpuAt = machineArgs.indexOf('-cpu');
  if (options.cpu !== undefined) {
    if (cpuAt >= 0) machineArgs[cpuAt + 1] = options.cpu;
    else machineArgs.push('-cpu', options.cpu);
  }
  return [
    ...machineArgs,
    ...['-accel', 'tcg', '-nographic', '-no-reboot', '-nic', 'none'],
    ...['-m', String(options.memoryMb ?? machine.memoryMb)],
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
