/**
 * Finds the host tools a boot needs, without a shell: the architecture's QEMU and a static busybox built for
 * the guest's architecture are required; `xz` is optional (without it kgap boots the compressed bzImage, about
 * twice as slow under TCG).
 */
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { type BootArch, ELF_MACHINE, elfMachineName } from '../../domain/boot-arch.js';
import { InvalidInput, UserError } from '../../domain/invalid-input.js';
import { elfMachine } from './image-bytes.js';
import { QEMU_MACHINES } from './qemu-machine.js';

export type BootTools = { readonly qemu: string; readonly busybox: string; readonly xz: string | null };

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** The first executable called `name` on PATH, or null. */
export async function findOnPath(name: string, path: string | undefined): Promise<string | null> {
  for (const dir of (path ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
}

/** True when an ELF file has a PT_INTERP program header, i.e. needs a dynamic loader the initramfs lacks. */
export function isDynamicElf(bytes: Uint8Array): boolean {
  if (bytes.length < 64 || bytes[4] !== 2) return false;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const phoff = Number(v.getBigUint64(32, true));
  const phentsize = v.getUint16(54, true);
  const phnum = v.getUint16(56, true);
  for (let i = 0; i < phnum; i++) {
    const at = phoff + i * phentsize;
    if (at + 4 <= bytes.length && v.getUint32(at, true) === 3) return true; // PT_INTERP
  }
  return false;
}

/** Why a busybox cannot go into this architecture's initramfs, or null when it can. */
export function busyboxProblem(bytes: Uint8Array, arch: BootArch): string | null {
  const machine = elfMachine(bytes);
  if (machine === null) return 'is not an ELF program';
  if (machine !== ELF_MACHINE[arch]) {
    return `is built for ${elfMachineName(machine)} and the kernel is ${arch}: give a static ${arch} busybox (${QEMU_MACHINES[arch].busyboxHelp})`;
  }
  if (isDynamicElf(bytes)) {
    return `is dynamically linked and cannot run in the initramfs (it has no libc): give a static busybox (${QEMU_MACHINES[arch].busyboxHelp})`;
  }
  return null;
}

/**
 * The default busybox for an architecture: the first of /bin/busybox, busybox on PATH and
 * `<busyboxRoot>/bin/busybox` that is a static program for that architecture (so on an x86-64 host the arm64
 * one is found where `.ci/run` unpacks Debian's busybox-static:arm64).
 */
async function findBusybox(arch: BootArch, env: NodeJS.ProcessEnv): Promise<string | null> {
  const candidates = [
    '/bin/busybox',
    await findOnPath('busybox', env.PATH),
    join(QEMU_MACHINES[arch].busyboxRoot, 'bin', 'busybox'),
  ];
  for (const path of candidates) {
    if (path === null || !(await isExecutable(path))) continue;
    if (busyboxProblem(await readFile(path), arch) === null) return path;
  }
  return null;
}

/** Locates the tools or throws an error naming what to install or pass. */
export async function readBootTools(options: {
  readonly arch: BootArch;
  readonly env: NodeJS.ProcessEnv;
  readonly busybox?: string;
}): Promise<BootTools> {
  const machine = QEMU_MACHINES[options.arch];
  const qemu = await findOnPath(machine.qemu, options.env.PATH);
  if (qemu === null) {
    throw new UserError(
      `${machine.qemu} not found on PATH; install it: apt-get install ${machine.qemuPackage} (the ${options.arch} kernel needs it)`,
    );
  }
  let busybox: string;
  if (options.busybox === undefined) {
    const found = await findBusybox(options.arch, options.env);
    if (found === null) {
      throw new InvalidInput(
        'busybox',
        `is needed: no static ${options.arch} busybox in /bin, on PATH or in ${machine.busyboxRoot}/bin; install one: ${machine.busyboxHelp}`,
      );
    }
    busybox = found;
  } else {
    busybox = options.busybox;
    if (!(await isExecutable(busybox))) {
      throw new InvalidInput('busybox', `${busybox} is not an executable file; install one: ${machine.busyboxHelp}`);
    }
    const problem = busyboxProblem(await readFile(busybox), options.arch);
    if (problem !== null) throw new InvalidInput('busybox', `${busybox} ${problem}`);
  }
  return { qemu, busybox, xz: await findOnPath('xz', options.env.PATH) };
}
