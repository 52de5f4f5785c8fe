/**
 * Finds the host tools a boot needs, without a shell: `qemu-system-x86_64` and a static busybox are required,
 * `xz` is optional (without it kgap boots the compressed bzImage, about twice as slow under TCG).
 */
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { UserError } from '../../domain/user-error.js';

export type BootTools = { readonly qemu: string; readonly busybox: string; readonly xz: string | null };

const INSTALL = 'apt-get install qemu-system-x86 busybox-static';

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

/** Locates the tools or throws a UserError naming the Debian packages to install. */
export async function readBootTools(options: {
  readonly env: NodeJS.ProcessEnv;
  readonly busybox?: string;
}): Promise<BootTools> {
  const qemu = await findOnPath('qemu-system-x86_64', options.env.PATH);
  if (qemu === null) throw new UserError(`qemu-system-x86_64 not found on PATH; install it: ${INSTALL}`);
  const busybox =
    options.busybox ??
    ((await isExecutable('/bin/busybox')) ? '/bin/busybox' : await findOnPath('busybox', options.env.PATH));
  if (busybox === null || !(await isExecutable(busybox))) {
    throw new UserError(`busybox not found${options.busybox ? ` at ${options.busybox}` : ''}; install it: ${INSTALL}`);
  }
  const head = await readFile(busybox);
  if (head[0] !== 0x7f || head[1] !== 0x45)
    throw new UserError(`${busybox} is not an ELF binary; install busybox-static`);
  if (isDynamicElf(head)) {
    throw new UserError(`${busybox} is dynamically linked and cannot run in the initramfs; install busybox-static`);
  }
  return { qemu, busybox, xz: await findOnPath('xz', options.env.PATH) };
}
